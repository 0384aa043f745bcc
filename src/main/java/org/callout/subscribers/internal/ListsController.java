package org.callout.subscribers.internal;

import java.net.URI;
import java.util.List;

import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API for lists. */
@RestController
class ListsController {

	private final SubscriberLists lists;

	private final AuditLog audit;

	ListsController(SubscriberLists lists, AuditLog audit) {
		this.audit = audit;
		this.lists = lists;
	}

	record ListRequest(String slug, String name, String description, Boolean isPublic) {
	}

	@GetMapping("/api/v1/lists")
	List<SubscriberList> all() {
		return lists.all();
	}

	@GetMapping("/api/v1/lists/{slug}")
	SubscriberList one(@PathVariable String slug) {
		return lists.bySlug(slug).orElseThrow(() -> notFound(slug));
	}

	@PostMapping("/api/v1/lists")
	@Transactional
	ResponseEntity<SubscriberList> create(@RequestBody ListRequest request) {
		if (request == null || !SubscriberLists.isSlug(request.slug())) {
			throw invalid("slug", "Give a slug of lower-case letters, digits and single hyphens, at most 64 characters.");
		}
		validate(request);
		try {
			SubscriberList created = lists.create(request.slug(), request.name().strip(), description(request),
					Boolean.TRUE.equals(request.isPublic()));
			audit.record("list.create", "list:" + created.slug(), ListRules.summary(created));
			return ResponseEntity.created(URI.create("/api/v1/lists/" + created.slug())).body(created);
		}
		catch (SubscriberLists.SlugTakenException ex) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "List exists", ex.getMessage());
		}
	}

	@PutMapping("/api/v1/lists/{slug}")
	@Transactional
	SubscriberList update(@PathVariable String slug, @RequestBody ListRequest request) {
		if (request == null) {
			throw invalid("name", "Give the list's name.");
		}
		validate(request);
		SubscriberList before = lists.bySlug(slug).orElseThrow(() -> notFound(slug));
		SubscriberList after = lists.update(slug, request.name().strip(), description(request), Boolean.TRUE.equals(request.isPublic()))
			.orElseThrow(() -> notFound(slug));
		audit.record("list.edit", "list:" + slug, ListRules.summary(before), ListRules.summary(after));
		return after;
	}

	private static void validate(ListRequest request) {
		if (!ListRules.validName(request.name())) {
			throw invalid("name", "Give the list's name, at most 200 characters.");
		}
		if (request.isPublic() == null) {
			throw invalid("isPublic", "Say whether supporters may join the list: \"isPublic\": true or false.");
		}
		if (!ListRules.validDescription(request.description())) {
			throw invalid("description", "The description is limited to 2000 characters.");
		}
	}

	private static String description(ListRequest request) {
		return ListRules.description(request.description());
	}

	private static RequestRefusedException invalid(String field, String detail) {
		return RequestRefusedException.invalidField("Invalid list", field, detail);
	}

	private static RequestRefusedException notFound(String slug) {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such list", "There is no list with this slug.");
	}

}
