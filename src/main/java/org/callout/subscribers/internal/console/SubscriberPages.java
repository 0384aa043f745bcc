package org.callout.subscribers.internal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.consent.ConsentLedger;
import org.callout.platform.PageForms;
import org.callout.platform.SupportedLanguages;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;
import org.callout.subscribers.internal.DetailsCorrections;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/subscribers}: find people by the start of their address, a page at a time; one person's lists,
 * consent history (with the exact words agreed to) and details, which an organizer may correct.
 */
@Controller
@org.callout.platform.ConsolePage
class SubscriberPages {

	static final int PAGE = 20;

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final SubscriberLists lists;

	private final ConsentLedger ledger;

	private final DetailsCorrections corrections;

	private final SupportedLanguages languages;

	SubscriberPages(Subscribers subscribers, Memberships memberships, SubscriberLists lists, ConsentLedger ledger,
			DetailsCorrections corrections, SupportedLanguages languages) {
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.lists = lists;
		this.ledger = ledger;
		this.corrections = corrections;
		this.languages = languages;
	}

	@GetMapping("/console/subscribers")
	String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") long after,
			@RequestParam(required = false) String erased, Model model) {
		String typed = q == null ? "" : q.strip();
		typed = typed.length() > 254 ? typed.substring(0, 254) : typed;
		model.addAttribute("q", typed);
		model.addAttribute("note", erased != null ? "console.subscribers.erased" : null);
		if (!typed.isEmpty()) {
			// One more than a page tells whether there is a next one.
			List<Subscriber> found = subscribers.search(typed, Math.max(0, after), PAGE + 1);
			model.addAttribute("found", found.subList(0, Math.min(PAGE, found.size())));
			model.addAttribute("next", found.size() > PAGE ? found.get(PAGE - 1).id() : null);
		}
		return "console/subscribers/search";
	}

	@GetMapping("/console/subscribers/{id}")
	String one(@PathVariable long id, @RequestParam(required = false) String corrected, Model model,
			HttpServletResponse response) {
		Optional<Subscriber> found = subscribers.byId(id);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		Subscriber s = found.get();
		DetailsCorrections.Typed form = new DetailsCorrections.Typed(s.firstName(), s.lastName(), s.zip(), s.streetAddress(),
				s.language());
		return page(s, form, Map.of(), corrected != null ? "console.subscribers.corrected" : null, model);
	}

	@PostMapping("/console/subscribers/{id}")
	String correct(@PathVariable long id, @RequestParam(required = false) String firstName,
			@RequestParam(required = false) String lastName, @RequestParam(required = false) String zip,
			@RequestParam(required = false) String streetAddress, @RequestParam(required = false) String language,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Subscriber> found = subscribers.byId(id);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		DetailsCorrections.Typed typed = new DetailsCorrections.Typed(firstName, lastName, zip, streetAddress, language);
		if (PageForms.csrfRejected(request)) {
			return page(found.get(), typed, Map.of(), "console.note.stale", model);
		}
		DetailsCorrections.Checked checked = corrections.check(typed);
		if (!checked.problems().isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			checked.problems().forEach(p -> errors.putIfAbsent(p.field(), "console.subscribers.error." + p.field() + "." + p.code()));
			response.setStatus(422);
			return page(found.get(), typed, errors, null, model);
		}
		if (corrections.correct(id, checked.details()).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		return "redirect:/console/subscribers/" + id + "?corrected";
	}

	private String page(Subscriber s, DetailsCorrections.Typed form, Map<String, String> errors, String note, Model model) {
		Map<Long, SubscriberList> byId = new LinkedHashMap<>();
		lists.all().forEach(list -> byId.put(list.id(), list));
		model.addAttribute("s", s);
		model.addAttribute("lists", byId);
		model.addAttribute("memberships", memberships.of(s.id()));
		model.addAttribute("history", ledger.historyOf(s.id()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("languages", languages.all());
		model.addAttribute("note", note);
		return "console/subscribers/subscriber";
	}

}
