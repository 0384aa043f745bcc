package org.callout.campaigns.internal.calls;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.callout.campaigns.internal.email.CallPageLinks;
import org.callout.platform.SupportedLanguages;
import org.callout.platform.TokenPages;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The personal call page behind every campaign email's link. Mail scanners and link previews open links with
 * GET and HEAD, so those only show the page; only a button's POST records what the supporter says happened.
 * Nothing is recorded about opening the page: the answers are the supporter's word, not tracking. The page has
 * no script.
 */
@Controller
class CallPageController {

	private final CallPageLinks links;

	private final CallPages pages;

	private final CallReportStore reports;

	private final SupportedLanguages languages;

	private final MessageSource messages;

	private final Clock clock;

	CallPageController(CallPageLinks links, CallPages pages, CallReportStore reports, SupportedLanguages languages,
			MessageSource messages, Clock clock) {
		this.links = links;
		this.pages = pages;
		this.reports = reports;
		this.languages = languages;
		this.messages = messages;
		this.clock = clock;
	}

	/** Also answers HEAD (Spring MVC runs the GET handler and drops the body): nothing is written either way. */
	@GetMapping("/call/{token}")
	String show(@PathVariable String token, Locale locale, Model model, HttpServletResponse response) {
		noStore(response);
		Optional<CallPage> page = links.verify(token).flatMap(t -> pages.build(t, locale.getLanguage()));
		if (page.isEmpty()) {
			return broken("link", response, model);
		}
		return show(page.get(), token, null, locale, model);
	}

	@PostMapping("/call/{token}")
	String report(@PathVariable String token, @RequestParam(required = false) String target,
			@RequestParam(required = false) String outcome, Locale locale, Model model, HttpServletResponse response) {
		noStore(response);
		Optional<CallPageLinks.Token> verified = links.verify(token);
		Optional<CallPage> page = verified.flatMap(t -> pages.build(t, locale.getLanguage()));
		if (page.isEmpty()) {
			return broken("link", response, model);
		}
		Optional<CallPage.Target> called = page.get().target(target);
		Optional<CallOutcome> said = CallOutcome.of(outcome);
		if (called.isEmpty() || said.isEmpty()) {
			// Not a button of this page (a hand-made form, someone the supporter is not asked to call): nothing is kept.
			model.addAttribute("backUrl", "/call/" + token + "?lang=" + locale.getLanguage());
			return broken("answer", response, model);
		}
		if (page.get().test()) {
			return show(page.get(), token, new CallPage.Answer(called.get(), said.get(), true), locale, model);
		}
		reports.record(page.get().blastId(), page.get().subscriberId(), called.get().key(),
				String.valueOf(called.get().person().get("name")), said.get(), clock.instant());
		// Shown again as it now stands, with this answer among the ones given before.
		CallPage now = pages.build(verified.get(), locale.getLanguage()).orElseThrow();
		return show(now, token, new CallPage.Answer(now.target(target).orElseThrow(), said.get(), false), locale, model);
	}

	private String show(CallPage page, String token, CallPage.Answer answer, Locale locale, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("values", page.values());
		model.addAttribute("token", token);
		model.addAttribute("answer", answer);
		model.addAttribute("languageLinks", languageLinks());
		return "campaigns/call";
	}

	private String broken(String problem, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("problem", problem);
		return "campaigns/call-broken";
	}

	private Map<String, String> languageLinks() {
		Map<String, String> links = new LinkedHashMap<>();
		languages.all().forEach(l -> links.put(l, messages.getMessage("language.name", null, l, Locale.forLanguageTag(l))));
		return links;
	}

	private static void noStore(HttpServletResponse response) {
		// The page holds a token: no browser or proxy cache keeps it, and no Referer carries it to the next site.
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	@Configuration(proxyBeanMethods = false)
	static class Pages {

		@Bean
		TokenPages callTokenPages() {
			// The signed token is the whole capability: a phone's mail viewer that blocks cookies can still answer.
			return TokenPages.of("/call/**");
		}

	}

}
