package org.callout.campaigns.internal.templates;

import java.util.List;
import java.util.Map;

/**
 * What a save produced.
 *
 * @param version the new version
 * @param fallbacks each offered language it lacks, and the language those supporters get instead
 * @param warnings worth knowing, not wrong (a missing language)
 */
public record SavedTemplate(TemplateVersion version, Map<String, String> fallbacks, List<TemplateProblem> warnings) {
}
