package org.callout.campaigns.internal.templates;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One template in the list: what {@code current} serves for it.
 *
 * @param name the template's name
 * @param origin {@code api} for an organizer copy, {@code file} for the default
 * @param version the version served (0 for the file default)
 * @param languages the languages it has
 * @param fallbacks each offered language it lacks, and the language those supporters get instead
 * @param savedAt when that version was saved
 */
public record TemplateSummary(String name, String origin, int version, List<String> languages,
		Map<String, String> fallbacks, Instant savedAt) {
}
