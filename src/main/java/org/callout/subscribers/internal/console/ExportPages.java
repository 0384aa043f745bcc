package org.callout.subscribers.internal.console;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.OrganizerRole;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.internal.export.SubscriberExports;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/subscribers/export}: the API's CSV download, for a signed-in organizer. A POST with the form's CSRF
 * token, not a link: it copies personal data out and leaves an audit entry in the organizer's name, and a link on
 * another site must not be able to do either (a SameSite=Lax cookie goes along with a top-level GET).
 */
@Controller
@org.callout.platform.ConsolePage
class ExportPages {

	private final SubscriberExports exports;

	private final SubscriberLists lists;

	private final ConsoleRefusals refusals;

	ExportPages(SubscriberExports exports, SubscriberLists lists, ConsoleRefusals refusals) {
		this.exports = exports;
		this.lists = lists;
		this.refusals = refusals;
	}

	@GetMapping("/console/subscribers/export")
	String form(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!ConsoleRefusals.holds(request, OrganizerRole.ORGANIZER)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "error/403";
		}
		return page("", "", null, model);
	}

	@PostMapping("/console/subscribers/export.csv")
	String download(@RequestParam(required = false) String list, @RequestParam(required = false) String status,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		if (!ConsoleRefusals.holds(request, OrganizerRole.ORGANIZER)) {
			return refusals.refuse(request, response);
		}
		String slug = list == null || list.isBlank() ? null : list.strip();
		String wanted = status == null || status.isBlank() ? null : status.strip();
		if (org.callout.platform.PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return page(slug == null ? "" : slug, wanted == null ? "" : wanted, null, model);
		}
		if (slug == null && wanted != null) {
			response.setStatus(422);
			return page("", wanted, "console.subscribers.export.statusNeedsList", model);
		}
		try {
			exports.stream(slug, wanted, response);
			return null;
		}
		catch (RequestRefusedException refused) {
			// Refused before the first byte (the filter is checked first): the form again, with the choice kept.
			response.setStatus(422);
			return page(slug == null ? "" : slug, wanted == null ? "" : wanted, "console.subscribers.export.refused", model);
		}
	}

	private String page(String list, String status, String error, Model model) {
		model.addAttribute("lists", lists.all());
		model.addAttribute("statuses", List.of(MembershipStatus.values()));
		model.addAttribute("list", list);
		model.addAttribute("status", status);
		model.addAttribute("error", error);
		return "console/subscribers/export";
	}

}
