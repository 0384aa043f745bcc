package org.callout.signup.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.PageForms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind the links of a confirmation email. Mail scanners open links with GET and HEAD (some run
 * JavaScript), so a GET only shows a page with a button and never uses the token; only that button's POST
 * acts. The pages carry no script at all.
 */
@Controller
class ConfirmationPages {

	private final ConfirmationLinks links;

	private final ConfirmationService confirmations;

	private final ClientInfoResolver clients;

	ConfirmationPages(ConfirmationLinks links, ConfirmationService confirmations, ClientInfoResolver clients) {
		this.links = links;
		this.confirmations = confirmations;
		this.clients = clients;
	}

	@GetMapping("/confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return page(ConfirmationLinks.CONFIRM, "signup/confirm", token, model, response);
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam(required = false) String token, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response) {
		if (PageForms.csrfRejected(request)) {
			return page(ConfirmationLinks.CONFIRM, "signup/confirm", token, model, response);
		}
		return result(confirmations.confirm(token, clients.resolve(request), locale.getLanguage()), model, response);
	}

	@GetMapping("/not-me")
	String notMePage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return page(ConfirmationLinks.NOT_ME, "signup/not-me", token, model, response);
	}

	@PostMapping("/not-me")
	String notMe(@RequestParam(required = false) String token, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response) {
		if (PageForms.csrfRejected(request)) {
			return page(ConfirmationLinks.NOT_ME, "signup/not-me", token, model, response);
		}
		return result(confirmations.disown(token, clients.resolve(request), locale.getLanguage()), model, response);
	}

	private String page(String purpose, String view, String token, Model model, HttpServletResponse response) {
		noStore(response);
		return switch (links.check(purpose, token)) {
			case ConfirmationLinks.Check.Valid valid -> {
				model.addAttribute("token", token);
				yield view;
			}
			case ConfirmationLinks.Check.Expired expired -> result(ConfirmationService.Outcome.EXPIRED, model, response);
			case ConfirmationLinks.Check.Invalid invalid -> result(ConfirmationService.Outcome.INVALID, model, response);
		};
	}

	private static String result(ConfirmationService.Outcome outcome, Model model, HttpServletResponse response) {
		noStore(response);
		if (outcome == ConfirmationService.Outcome.EXPIRED || outcome == ConfirmationService.Outcome.INVALID) {
			response.setStatus(outcome == ConfirmationService.Outcome.EXPIRED ? 410 : 400);
		}
		model.addAttribute("outcome", outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		return "signup/result";
	}

	private static void noStore(HttpServletResponse response) {
		// Pages holding a token must not be cached by browsers or proxies, nor leak it through Referer.
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
