package org.callout.subscribers.internal.console;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.AuditLog;
import org.callout.platform.PageForms;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.internal.ListRules;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The console's lists: every list, a new one, and editing one. Same rules and audit entries as the API. */
@Controller
@org.callout.platform.ConsolePage
class ListPages {

	/** What the form holds, as typed. */
	record ListForm(String slug, String name, String description, boolean isPublic) {
	}

	private final SubscriberLists lists;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	ListPages(SubscriberLists lists, AuditLog audit, TransactionTemplate transactions) {
		this.lists = lists;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping("/console/lists")
	String all(Model model) {
		model.addAttribute("lists", lists.all());
		return "console/lists/index";
	}

	@GetMapping("/console/lists/new")
	String blank(Model model) {
		return form(model, new ListForm("", "", "", false), null, Map.of(), null);
	}

	@GetMapping("/console/lists/{slug}/edit")
	String edit(@PathVariable String slug, Model model) {
		SubscriberList list = find(slug);
		return form(model, new ListForm(list.slug(), list.name(), list.description() == null ? "" : list.description(),
				list.isPublic()), list.slug(), Map.of(), null);
	}

	@PostMapping("/console/lists")
	String create(HttpServletRequest request, @RequestParam(defaultValue = "") String slug,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "false") boolean isPublic, Model model) {
		ListForm typed = new ListForm(slug.strip(), name, description, isPublic);
		if (PageForms.csrfRejected(request)) {
			return form(model, typed, null, Map.of(), "console.note.stale");
		}
		Map<String, String> errors = check(typed);
		if (!SubscriberLists.isSlug(typed.slug())) {
			errors.put("slug", "console.lists.error.slug");
		}
		if (!errors.isEmpty()) {
			return form(model, typed, null, errors, null);
		}
		try {
			SubscriberList created = transactions.execute(tx -> {
				SubscriberList made = lists.create(typed.slug(), name.strip(), ListRules.description(description), isPublic);
				audit.record("list.create", "list:" + made.slug(), ListRules.summary(made));
				return made;
			});
			return "redirect:/console/lists?saved=" + created.slug();
		}
		catch (SubscriberLists.SlugTakenException taken) {
			return form(model, typed, null, Map.of("slug", "console.lists.error.slugTaken"), null);
		}
	}

	@PostMapping("/console/lists/{slug}/edit")
	String update(HttpServletRequest request, @PathVariable String slug, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "false") boolean isPublic,
			Model model) {
		SubscriberList before = find(slug);
		ListForm typed = new ListForm(before.slug(), name, description, isPublic);
		if (PageForms.csrfRejected(request)) {
			return form(model, typed, slug, Map.of(), "console.note.stale");
		}
		Map<String, String> errors = check(typed);
		if (!errors.isEmpty()) {
			return form(model, typed, slug, errors, null);
		}
		transactions.executeWithoutResult(tx -> {
			SubscriberList after = lists.update(slug, name.strip(), ListRules.description(description), isPublic).orElseThrow();
			audit.record("list.edit", "list:" + slug, ListRules.summary(before), ListRules.summary(after));
		});
		return "redirect:/console/lists?saved=" + slug;
	}

	private static Map<String, String> check(ListForm typed) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!ListRules.validName(typed.name())) {
			errors.put("name", "console.lists.error.name");
		}
		if (!ListRules.validDescription(typed.description())) {
			errors.put("description", "console.lists.error.description");
		}
		return errors;
	}

	private SubscriberList find(String slug) {
		return lists.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String form(Model model, ListForm form, String editing, Map<String, String> errors, String note) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("note", note);
		return "console/lists/form";
	}

}
