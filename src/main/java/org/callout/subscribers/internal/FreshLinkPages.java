package org.callout.subscribers.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.ClientAddresses;
import org.callout.platform.EmailAddress;
import org.callout.platform.PageForms;
import org.callout.subscribers.SubscribersProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /unsubscribe-link}: type an address, get a fresh unsubscribe link by email (the way out for a broken
 * or mangled link). An ordinary page form with a CSRF token, outside {@code /u/**}. The answer is the same
 * whether or not the address is on a list.
 */
@Controller
class FreshLinkPages {

	static final String PATH = "/unsubscribe-link";

	private final FreshLinks freshLinks;

	private final ClientAddresses addresses;

	private final PageParts parts;

	private final SubscribersProperties.FreshLinks limits;

	FreshLinkPages(FreshLinks freshLinks, ClientAddresses addresses, PageParts parts, SubscribersProperties properties) {
		this.freshLinks = freshLinks;
		this.addresses = addresses;
		this.parts = parts;
		this.limits = properties.freshLinks();
	}

	@GetMapping(PATH)
	String form(Model model) {
		return form("", null, null, model);
	}

	@PostMapping(PATH)
	String request(@RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String typed = email == null ? "" : email;
		if (PageForms.csrfRejected(request)) {
			// Nothing is sent without a valid form token: the person presses the button once more.
			return form(typed, null, PageForms.csrfCookieMissing(request) ? "fresh.note.cookies" : "fresh.note.expired", model);
		}
		EmailAddress address;
		try {
			address = EmailAddress.parse(typed);
		}
		catch (EmailAddress.InvalidEmailAddressException invalid) {
			response.setStatus(400);
			return form(typed, invalid.reason().messageKey(), null, model);
		}
		Optional<FreshLinks.Refusal> refused = freshLinks.request(address, Requester.of(request, addresses));
		parts.languageLinks(model, PATH);
		if (refused.isPresent()) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(refused.get().retryAfter().toSeconds()));
			model.addAttribute("limit", refused.get().limit().name().toLowerCase(java.util.Locale.ROOT));
			model.addAttribute("minutes", refused.get().minutes());
			model.addAttribute("addressMinutes", Math.max(1, limits.perAddressInterval().toMinutes()));
			model.addAttribute("perIpPerHour", limits.perIpPerHour());
			return "subscribers/fresh-link-limited";
		}
		return "subscribers/fresh-link-sent";
	}

	private String form(String typed, String error, String note, Model model) {
		model.addAttribute("invalidLink", false);
		model.addAttribute("email", typed);
		model.addAttribute("error", error);
		model.addAttribute("note", note);
		parts.languageLinks(model, PATH);
		return "subscribers/fresh-link";
	}

}
