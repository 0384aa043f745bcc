package org.callout.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.PageLanguage;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the supporter's language among the configured ones: {@code ?lang=} first (the visible language
 * switch), then the one a page knows is theirs ({@link PageLanguage}), then the language they chose before (a
 * cookie), then the browser's Accept-Language, then the default. An unsupported language never leaks into a page
 * as a half-translated one.
 */
class LanguageResolver implements LocaleResolver {

	static final String PARAMETER = "lang";

	static final String COOKIE = "callout-lang";

	private final List<String> languages;

	LanguageResolver(List<String> languages) {
		this.languages = languages;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		String chosen = supported(parameter(request));
		if (chosen == null && request.getAttribute(PageLanguage.PREFERRED) instanceof String preferred) {
			chosen = supported(preferred);
		}
		if (chosen == null && request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					chosen = supported(cookie.getValue());
				}
			}
		}
		if (chosen == null) {
			chosen = fromAcceptLanguage(request.getHeader("Accept-Language"));
		}
		return Locale.forLanguageTag(chosen == null ? languages.getFirst() : chosen);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		String language = locale == null ? null : supported(locale.getLanguage());
		if (language != null && response != null) {
			Cookie cookie = new Cookie(COOKIE, language);
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
	}

	/** The ?lang= value, or null when absent or when the query string cannot be decoded at all. */
	static String parameter(HttpServletRequest request) {
		try {
			return request.getParameter(PARAMETER);
		}
		catch (RuntimeException malformedQuery) {
			return null;
		}
	}

	String supported(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return languages.contains(language) ? language : null;
	}

	private String fromAcceptLanguage(String header) {
		if (header == null || header.isBlank() || header.length() > 512) {
			return null;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), languages.stream().map(Locale::forLanguageTag).toList());
			return match == null ? null : match.getLanguage();
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

}
