package org.callout.campaigns.internal.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

/**
 * Everything checked before a template is saved: its name, its languages, and each part of each language (see
 * {@link PartChecker}). A language left out is no error, except the default one: supporters who read it get the
 * default language's version, and the answer says so.
 */
final class TemplateChecker {

	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	/**
	 * @param problems nothing may be saved unless empty
	 * @param fallbacks each offered language the template lacks, and the language its readers get instead
	 * @param warnings one per fallback, in words
	 */
	record Result(List<TemplateProblem> problems, Map<String, String> fallbacks, List<TemplateProblem> warnings) {

		boolean ok() {
			return problems.isEmpty();
		}

	}

	private final List<String> languages;

	/** @param languages the offered languages, the default first */
	TemplateChecker(List<String> languages) {
		this.languages = List.copyOf(languages);
	}

	static boolean validName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	Result check(String name, Map<String, Parts> parts) {
		List<TemplateProblem> problems = new ArrayList<>();
		if (!validName(name)) {
			problems.add(new TemplateProblem(null, null, null, "name", "a template name is 1 to 64 lower-case letters, "
					+ "digits and dashes, starting with a letter or digit"));
		}
		parts.forEach((language, pair) -> {
			if (!languages.contains(language)) {
				String hint = languages.stream()
					.filter(l -> language.toLowerCase(Locale.ROOT).startsWith(l))
					.findFirst()
					.map(l -> " (did you mean '" + l + "'?)")
					.orElse("");
				problems.add(new TemplateProblem(language, null, null, language,
						"unknown language '" + language + "'" + hint + "; offered: " + String.join(", ", languages)));
			}
			else if (pair == null) {
				problems.add(new TemplateProblem(language, null, null, language, "needs a text and an html part"));
			}
			else {
				problems.addAll(PartChecker.check(pair.text(), new TemplateProblem.Where(language, "text")));
				problems.addAll(PartChecker.check(pair.html(), new TemplateProblem.Where(language, "html")));
			}
		});
		String defaultLanguage = languages.getFirst();
		if (!parts.containsKey(defaultLanguage)) {
			problems.add(new TemplateProblem(defaultLanguage, null, null, defaultLanguage, "the default language '"
					+ defaultLanguage + "' is required: it is what supporters of every missing language get"));
		}
		Map<String, String> fallbacks = fallbacks(parts.keySet());
		return new Result(List.copyOf(problems), fallbacks, warnings(fallbacks));
	}

	/** A warning per language that falls back. */
	static List<TemplateProblem> warnings(Map<String, String> fallbacks) {
		return fallbacks.entrySet().stream()
			.map(f -> new TemplateProblem(f.getKey(), null, null, f.getKey(), "no '" + f.getKey()
					+ "' version: supporters who read " + f.getKey() + " get the '" + f.getValue() + "' one"))
			.toList();
	}

	/** Each offered language missing from {@code present}, mapped to the default language. */
	Map<String, String> fallbacks(Iterable<String> present) {
		Map<String, String> fallbacks = new LinkedHashMap<>();
		languages.stream().skip(1).forEach(l -> fallbacks.put(l, languages.getFirst()));
		present.forEach(fallbacks::remove);
		return fallbacks;
	}

}
