package org.callout.legislators.internal.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.legislators.Representatives;
import org.callout.legislators.internal.HandSetDistricts;
import org.callout.platform.PageForms;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/subscribers/{id}/districts}: a subscriber's districts, where they came from and how sure, and
 * districts set by hand. Here rather than on the subscriber's page because districts are this module's, and this
 * module uses subscribers, not the reverse.
 */
@Controller
@org.callout.platform.ConsolePage
class DistrictPages {

	private final Subscribers subscribers;

	private final Representatives representatives;

	private final HandSetDistricts handSet;

	DistrictPages(Subscribers subscribers, Representatives representatives, HandSetDistricts handSet) {
		this.subscribers = subscribers;
		this.representatives = representatives;
		this.handSet = handSet;
	}

	/** What was typed, kept when the form comes back. */
	record Form(String senateDistrict, String assemblyDistrict) {
	}

	@GetMapping("/console/subscribers/{id}/districts")
	String show(@PathVariable long id, @RequestParam(required = false) String done, Model model, HttpServletResponse response) {
		Optional<Subscriber> found = subscribers.byId(id);
		if (found.isEmpty()) {
			return notFound(response);
		}
		String note = "set".equals(done) ? "console.subscribers.districts.set.done" : "cleared".equals(done) ? "console.subscribers.districts.cleared" : null;
		return page(found.get(), new Form("", ""), Map.of(), note, model);
	}

	@PostMapping("/console/subscribers/{id}/districts")
	String set(@PathVariable long id, @RequestParam(required = false) String senateDistrict,
			@RequestParam(required = false) String assemblyDistrict, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<Subscriber> found = subscribers.byId(id);
		if (found.isEmpty()) {
			return notFound(response);
		}
		Form typed = new Form(senateDistrict == null ? "" : senateDistrict, assemblyDistrict == null ? "" : assemblyDistrict);
		if (PageForms.csrfRejected(request)) {
			return page(found.get(), typed, Map.of(), "console.note.stale", model);
		}
		HandSetDistricts.Outcome outcome = handSet.set(id, blankToNull(senateDistrict), blankToNull(assemblyDistrict));
		if (!outcome.found()) {
			return notFound(response);
		}
		if (!outcome.problems().isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			outcome.problems().forEach(p -> errors.putIfAbsent(p.field(), "console.subscribers.districts.error." + p.field() + "." + p.code()));
			response.setStatus(422);
			return page(found.get(), typed, errors, null, model);
		}
		return "redirect:/console/subscribers/" + id + "/districts?done=set";
	}

	@PostMapping("/console/subscribers/{id}/districts/clear")
	String clear(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Subscriber> found = subscribers.byId(id);
		if (found.isEmpty()) {
			return notFound(response);
		}
		if (PageForms.csrfRejected(request)) {
			return page(found.get(), new Form("", ""), Map.of(), "console.note.stale", model);
		}
		if (!handSet.clear(id)) {
			return notFound(response);
		}
		return "redirect:/console/subscribers/" + id + "/districts?done=cleared";
	}

	private String page(Subscriber s, Form form, Map<String, String> errors, String note, Model model) {
		model.addAttribute("s", s);
		model.addAttribute("r", representatives.representationOf(s.id()).orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("note", note);
		return "console/subscribers/districts";
	}

	private static String blankToNull(String raw) {
		return raw == null || raw.isBlank() ? null : raw;
	}

	private static String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/404";
	}

}
