package org.callout.campaigns.internal.templates;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

/**
 * One version as the API shows it, both parts per language.
 *
 * @param fallbacks each offered language it lacks, and the language those supporters get instead
 * @param warnings worth knowing, not wrong (a missing language)
 * @param problems what is wrong with a file default (a stored version was checked when saved: none)
 */
record TemplateView(String name, int version, String origin, Instant savedAt, Map<String, Parts> languages,
		Map<String, String> fallbacks, List<TemplateProblem> warnings, List<TemplateProblem> problems) {
}
