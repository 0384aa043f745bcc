package org.callout.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The languages supporters are spoken to in: exactly those with a consent text, so adding a language means
 * adding its message files and its consent text, nothing else. The default language comes first.
 */
@Component
public class SupportedLanguages {

	private final List<String> languages;

	SupportedLanguages(Environment environment, CalloutProperties properties) {
		Map<String, String> texts = Binder.get(environment)
			.bind("callout.consent.texts", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		List<String> ordered = new ArrayList<>();
		ordered.add(properties.defaultLanguage());
		texts.keySet().stream().sorted().filter(l -> !ordered.contains(l)).forEach(ordered::add);
		this.languages = List.copyOf(ordered);
	}

	public List<String> all() {
		return languages;
	}

	public String defaultLanguage() {
		return languages.getFirst();
	}

	public boolean supports(String language) {
		return language != null && languages.contains(language);
	}

	/**
	 * The offered language a tag names: {@code es-MX}, {@code ES} and {@code es_MX} all name {@code es}. Empty
	 * for a tag that names no offered language (or is no language tag at all).
	 */
	public Optional<String> match(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return languages.contains(language) ? Optional.of(language) : Optional.empty();
	}

	/** The language if offered, else the default. */
	public String orDefault(String language) {
		return match(language).orElse(defaultLanguage());
	}

}
