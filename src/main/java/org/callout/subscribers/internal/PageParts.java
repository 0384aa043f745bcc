package org.callout.subscribers.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.SupportedLanguages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every unsubscribe page shares: the language switch, and headers for pages that hold a token. */
@Component
class PageParts {

	private final SupportedLanguages languages;

	private final MessageSource messages;

	PageParts(SupportedLanguages languages, MessageSource messages) {
		this.languages = languages;
		this.messages = messages;
	}

	/** The language switch links back to {@code path} in each offered language, each named in itself. */
	void languageLinks(Model model, String path) {
		Map<String, String> names = new LinkedHashMap<>();
		languages.all().forEach(l -> names.put(l, messages.getMessage("language.name", null, l, Locale.forLanguageTag(l))));
		model.addAttribute("languageLinks", names);
		model.addAttribute("languagePath", path);
	}

	/** A token in a page must not be cached by browsers or proxies, nor leak through Referer. */
	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

}
