package org.callout.subscribers.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.AuditLog;
import org.callout.platform.ClientAddresses;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API: unsubscribe someone whose opt-out arrived another way, such as a message to the
 * List-Unsubscribe mailbox, which Callout does not read yet. Recorded like any unsubscribe, with source {@code api}.
 */
@RestController
class UnsubscribeApiController {

	private final Subscribers subscribers;

	private final SubscriberLists lists;

	private final Unsubscriber unsubscriber;

	private final ClientAddresses addresses;

	private final AuditLog audit;

	UnsubscribeApiController(Subscribers subscribers, SubscriberLists lists, Unsubscriber unsubscriber, ClientAddresses addresses,
			AuditLog audit) {
		this.audit = audit;
		this.subscribers = subscribers;
		this.lists = lists;
		this.unsubscriber = unsubscriber;
		this.addresses = addresses;
	}

	/** @param lists slugs of the lists to leave; absent or empty: every list */
	record UnsubscribeRequest(List<String> lists) {
	}

	/** @param left ids of the lists left now (not those left before) */
	record UnsubscribeAnswer(List<Long> left) {
	}

	@PostMapping("/api/v1/subscribers/{id}/unsubscribe")
	@org.springframework.transaction.annotation.Transactional
	UnsubscribeAnswer unsubscribe(@PathVariable long id, @RequestBody(required = false) UnsubscribeRequest request,
			HttpServletRequest http) {
		Subscriber subscriber = subscribers.byId(id)
			.orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such subscriber", "No subscriber matches."));
		if (request != null && request.lists() != null && request.lists().isEmpty()) {
			// An empty list from a script whose filter matched nothing must not mean "every list".
			throw RequestRefusedException.invalidField("No lists", "lists",
					"Name at least one list, or leave \"lists\" out to unsubscribe from every list.");
		}
		List<Long> listIds = request == null || request.lists() == null ? null : listIds(request.lists());
		List<Long> left = unsubscriber.unsubscribe(subscriber, listIds, Requester.of(http, addresses));
		audit.record("subscriber.unsubscribe", "subscriber:" + id, java.util.Map.of("leftLists", left));
		return new UnsubscribeAnswer(left);
	}

	private List<Long> listIds(List<String> slugs) {
		List<Long> ids = new ArrayList<>();
		for (String slug : slugs) {
			ids.add(lists.bySlug(slug)
				.map(SubscriberList::id)
				.orElseThrow(() -> RequestRefusedException.invalidField("No such list", "lists", "No list has the slug given.")));
		}
		return ids;
	}

}
