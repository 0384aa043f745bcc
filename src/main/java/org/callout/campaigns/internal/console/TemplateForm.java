package org.callout.campaigns.internal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

/**
 * What the editor's form holds: the words of each language as typed, and whom to preview them for.
 *
 * @param parts per language tag, both parts as typed (line ends made {@code \n}; never null, maybe empty)
 * @param email a subscriber's address to preview for, as typed
 * @param zip instead of a subscriber: a ZIP code
 * @param address with the ZIP: a street address, optional
 * @param ask whom the preview asks to call: {@code auto | both | senate | assembly | governor | none}
 */
record TemplateForm(Map<String, Parts> parts, String email, String zip, String address, String ask) {

	/** The form a page opens with: the version's words, and a sample ZIP to preview for. */
	static TemplateForm of(TemplateVersion version, List<String> languages, String email, String zip, String address,
			String ask) {
		Map<String, Parts> parts = new LinkedHashMap<>();
		for (String language : languages) {
			Parts typed = version == null ? null : version.languages().get(language);
			parts.put(language, new Parts(typed == null || typed.text() == null ? "" : typed.text(),
					typed == null || typed.html() == null ? "" : typed.html()));
		}
		return new TemplateForm(parts, email, zip, address, ask == null ? "auto" : ask);
	}

	/** The form as posted: fields {@code text-<language>} and {@code html-<language>} for each offered language. */
	static TemplateForm posted(HttpServletRequest request, List<String> languages) {
		Map<String, Parts> parts = new LinkedHashMap<>();
		for (String language : languages) {
			parts.put(language, new Parts(lines(request.getParameter("text-" + language)),
					lines(request.getParameter("html-" + language))));
		}
		return new TemplateForm(parts, trimmed(request.getParameter("email")), trimmed(request.getParameter("zip")),
				trimmed(request.getParameter("address")), Objects.requireNonNullElse(trimmed(request.getParameter("ask")), "auto"));
	}

	/**
	 * The languages to save: a language left wholly empty is left out (its readers get the default language);
	 * the default language is always in, so that leaving it empty is an error the checker names.
	 */
	Map<String, Parts> languages() {
		Map<String, Parts> written = new LinkedHashMap<>();
		boolean first = true;
		for (Map.Entry<String, Parts> language : parts.entrySet()) {
			Parts words = language.getValue();
			if (first || !words.text().isBlank() || !words.html().isBlank()) {
				written.put(language.getKey(), words);
			}
			first = false;
		}
		return written;
	}

	String text(String language) {
		return parts.get(language).text();
	}

	String html(String language) {
		return parts.get(language).html();
	}

	/** The text part for its textarea (see {@link #shown}). */
	public String shownText(String language) {
		return shown(text(language));
	}

	public String shownHtml(String language) {
		return shown(html(language));
	}

	/**
	 * The words for a textarea: an HTML parser drops one line end right after {@code <textarea>}, so words that start
	 * with one get another in front.
	 */
	static String shown(String words) {
		return words != null && words.startsWith("\n") ? "\n" + words : words;
	}

	// A browser sends a textarea's line ends as CR LF: stored as typed, every line of the text part would end in CR.
	private static String lines(String typed) {
		return typed == null ? "" : typed.replace("\r\n", "\n").replace('\r', '\n');
	}

	private static String trimmed(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

}
