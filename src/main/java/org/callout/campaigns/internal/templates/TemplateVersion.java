package org.callout.campaigns.internal.templates;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One saved version of a campaign template: its parts per language, as written, in Mustache.
 *
 * @param name the template's name ({@code call-your-legislator})
 * @param version 1, 2, ... for organizer copies; 0 for the default read from {@code templates/campaigns/}
 * @param origin {@code file} or {@code api}
 * @param savedAt when it was saved (for a file: when its newest file was last modified)
 * @param languages the parts per language tag
 */
public record TemplateVersion(String name, int version, String origin, Instant savedAt, Map<String, Parts> languages) {

	public TemplateVersion {
		languages = Map.copyOf(languages);
	}

	/** The parts in {@code language}, else in {@code defaultLanguage}. */
	public Optional<Parts> in(String language, String defaultLanguage) {
		return Optional.ofNullable(languages.get(language)).or(() -> Optional.ofNullable(languages.get(defaultLanguage)));
	}

	/**
	 * @param text the plain-text part; its first line is {@code Subject: ...}
	 * @param html the HTML part
	 */
	public record Parts(String text, String html) {
	}

}
