package org.callout.signup.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.consent.ConsentSource;
import org.callout.consent.ConsentTerms;
import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.CalloutProperties;
import org.callout.platform.PageForms;
import org.callout.platform.SupportedLanguages;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public signup form, {@code /join}. It works without JavaScript; every refusal shows the form again
 * with what the person typed and a message tied to each field. The same rules as the API apply, through
 * the same {@link SignupService}.
 */
@Controller
class JoinPages {

	private final SignupService signups;

	private final SignupValidator validator;

	private final SubscriberLists lists;

	private final ConsentTermsCatalog terms;

	private final SupportedLanguages languages;

	private final FormStamps stamps;

	private final ClientInfoResolver clients;

	private final SignupProperties properties;

	private final CalloutProperties callout;

	private final MessageSource messages;

	JoinPages(SignupService signups, SignupValidator validator, SubscriberLists lists, ConsentTermsCatalog terms, SupportedLanguages languages,
			FormStamps stamps, ClientInfoResolver clients, SignupProperties properties, CalloutProperties callout,
			MessageSource messages) {
		this.signups = signups;
		this.validator = validator;
		this.lists = lists;
		this.terms = terms;
		this.languages = languages;
		this.stamps = stamps;
		this.clients = clients;
		this.properties = properties;
		this.callout = callout;
		this.messages = messages;
	}

	@GetMapping("/join")
	String form(@RequestParam(name = "list", required = false) String list, Locale locale, Model model,
			HttpServletResponse response) {
		return lists.joinable(list)
			.map(found -> show(JoinForm.empty(found.slug()), found, locale, null, List.of(), model))
			.orElseGet(() -> noSuchList(response));
	}

	@PostMapping("/join")
	String submit(@ModelAttribute JoinForm form, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		SubscriberList list = lists.joinable(form.list()).orElse(null);
		if (list == null) {
			return noSuchList(response);
		}
		if (PageForms.csrfRejected(request)) {
			return again(form, list, locale, PageForms.csrfCookieMissing(request) ? "note.cookies" : "note.expired", List.of(),
					model, response);
		}
		String language = languages.orDefault(locale.getLanguage());
		FormStamps.Verdict verdict = stamps.check(form.stamp());
		if (verdict != FormStamps.Verdict.OK) {
			// Asked again, but with whatever else needs fixing too, so the person fixes everything in one go.
			List<FieldProblem> problems = validator.validate(form.toRequest(language, pageUrl(list))).problems();
			response.setStatus(problems.isEmpty() ? 200 : 400);
			return show(form, list, locale, verdict == FormStamps.Verdict.TOO_FAST ? "note.tooFast" : "note.expired",
					problems, model);
		}
		try {
			signups.signUp(form.toRequest(language, pageUrl(list)), clients.resolve(request), ConsentSource.FORM);
		}
		catch (SignupRejectedException.InvalidFields invalid) {
			response.setStatus(400);
			return show(form, list, locale, null, invalid.problems(), model);
		}
		catch (SignupRejectedException.OutdatedTerms outdated) {
			return again(withoutConsent(form), list, locale, "note.termsChanged", List.of(), model, response);
		}
		catch (SignupRejectedException.RateLimited limited) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(limited.retryAfter().toSeconds()));
			model.addAttribute("minutes", Math.max(1, (limited.retryAfter().toSeconds() + 59) / 60));
			return "signup/too-many";
		}
		catch (SignupRejectedException.NoSuchList noList) {
			return noSuchList(response);
		}
		return "redirect:/join/thanks?lang=" + language;
	}

	@GetMapping("/join/thanks")
	String thanks() {
		return "signup/thanks";
	}

	private String again(JoinForm form, SubscriberList list, Locale locale, String note, List<FieldProblem> problems,
			Model model, HttpServletResponse response) {
		response.setStatus(200);
		return show(form, list, locale, note, problems, model);
	}

	private String show(JoinForm form, SubscriberList list, Locale locale, String note, List<FieldProblem> problems,
			Model model) {
		String language = languages.orDefault(locale.getLanguage());
		ConsentTerms current = terms.current(language);
		model.addAttribute("form", form);
		model.addAttribute("list", list);
		model.addAttribute("terms", current);
		model.addAttribute("stamp", stamps.issue());
		model.addAttribute("note", note);
		model.addAttribute("problems", problems);
		model.addAttribute("errors", problems.stream()
			.collect(Collectors.toMap(FieldProblem::field, FieldProblem::messageKey, (first, second) -> first)));
		model.addAttribute("headline", properties.form().headline().get(language));
		model.addAttribute("why", properties.form().why().get(language));
		model.addAttribute("organization", callout.organization().name());
		model.addAttribute("languageLinks", languages.all()
			.stream()
			.collect(Collectors.toMap(Function.identity(), l -> messages.getMessage("language.name", null, l,
					Locale.forLanguageTag(l)), (a, b) -> a, LinkedHashMap::new)));
		return "signup/join";
	}

	private static JoinForm withoutConsent(JoinForm form) {
		return new JoinForm(form.email(), form.firstName(), form.lastName(), form.zip(), form.streetAddress(), null,
				null, form.list(), form.stamp(), form.website());
	}

	private String pageUrl(SubscriberList list) {
		return UriComponentsBuilder.fromUri(callout.publicBaseUrl()).path("/join").queryParam("list", list.slug()).toUriString();
	}

	private static String noSuchList(HttpServletResponse response) {
		response.setStatus(404);
		return "signup/no-such-list";
	}


}
