package org.callout.subscribers.internal.console;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.EmailAddress;
import org.callout.platform.OrganizerRole;
import org.callout.platform.PageForms;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;
import org.callout.subscribers.internal.PersonalDataRequests;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/subscribers/{id}/erase}: an admin erases a person, after typing their address again so that a
 * slip of the keyboard on the wrong page erases nobody. The chain lets any organizer post here; the role is checked
 * here, as the API's erasure is admin-only.
 */
@Controller
@org.callout.platform.ConsolePage
class ErasurePages {

	private final Subscribers subscribers;

	private final PersonalDataRequests requests;

	private final ConsoleRefusals refusals;

	ErasurePages(Subscribers subscribers, PersonalDataRequests requests, ConsoleRefusals refusals) {
		this.subscribers = subscribers;
		this.requests = requests;
		this.refusals = refusals;
	}

	@GetMapping("/console/subscribers/{id}/erase")
	String form(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Subscriber> found = subscribers.byId(id);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		if (!ConsoleRefusals.holds(request, OrganizerRole.ADMIN)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "error/403";
		}
		return page(found.get(), "", null, null, model);
	}

	@PostMapping("/console/subscribers/{id}/erase")
	String erase(@PathVariable long id, @RequestParam(required = false) String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String typed = email == null ? "" : email.strip();
		typed = typed.length() > EmailAddress.MAX_LENGTH ? typed.substring(0, EmailAddress.MAX_LENGTH) : typed;
		boolean admin = ConsoleRefusals.holds(request, OrganizerRole.ADMIN);
		if (PageForms.csrfRejected(request)) {
			// A forward of a stale form: no security filter ran again, so nothing may happen, not even a record.
			response.setStatus(admin ? HttpServletResponse.SC_OK : HttpServletResponse.SC_FORBIDDEN);
			Optional<Subscriber> found = subscribers.byId(id);
			return admin && found.isPresent() ? page(found.get(), typed, null, "console.note.stale", model) : "error/403";
		}
		if (!admin) {
			return refusals.refuse(request, response);
		}
		Optional<Subscriber> found = subscribers.byId(id);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		if (!sameAddress(found.get(), typed)) {
			response.setStatus(422);
			return page(found.get(), typed, "console.subscribers.erase.mismatch", null, model);
		}
		requests.eraseAsked(found.get().email());
		return "redirect:/console/subscribers?erased";
	}

	private static boolean sameAddress(Subscriber subscriber, String typed) {
		try {
			return EmailAddress.parse(typed).matchKey().equals(subscriber.email().matchKey());
		}
		catch (EmailAddress.InvalidEmailAddressException notAnAddress) {
			return false;
		}
	}

	private static String page(Subscriber s, String typed, String error, String note, Model model) {
		model.addAttribute("s", s);
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		model.addAttribute("note", note);
		return "console/subscribers/erase";
	}

}
