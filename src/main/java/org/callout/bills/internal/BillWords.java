package org.callout.bills.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.platform.FieldError;
import org.callout.platform.TypedText;

/** A bill's words as organizers give them, checked: they go into emails. */
record BillWords(String title, Map<String, String> summaries, URI url) {

	static BillWords check(String title, Map<String, String> summaries, String url, List<FieldError> errors) {
		String cleanTitle = TypedText.clean(title);
		if (TypedText.length(cleanTitle) > 2000) {
			errors.add(new FieldError("title", "The title is limited to 2000 characters."));
		}
		Map<String, String> clean = new LinkedHashMap<>();
		(summaries == null ? Map.<String, String>of() : summaries).forEach((language, text) -> {
			if (!"en".equals(language) && !"es".equals(language)) {
				errors.add(new FieldError("summary." + language.replaceAll("[^a-zA-Z-]", ""), "Summaries are per language: en, es."));
			}
			else if (TypedText.clean(text) != null) {
				String line = TypedText.clean(text);
				if (TypedText.length(line) > 500) {
					errors.add(new FieldError("summary." + language, "A summary is one line, at most 500 characters."));
				}
				clean.put(language, line);
			}
		});
		URI uri = null;
		if (url != null && !url.isBlank()) {
			try {
				uri = URI.create(url.strip());
				if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
					throw new IllegalArgumentException();
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("publicUrl", "Give a web address starting with https://."));
			}
		}
		return new BillWords(cleanTitle, clean, uri);
	}

}
