package org.callout.campaigns.internal.templates;

import java.util.List;

import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;

/**
 * One thing wrong with (or worth knowing about) a template being saved, precise enough to fix without guessing.
 *
 * @param language the language tag; null for the template's name or the body as a whole
 * @param part {@code text} or {@code html}; null when it concerns the whole language
 * @param line 1-based; null when there is no line to point at (a name that appears nowhere)
 * @param name the tag or variable name concerned, as written; may be null
 * @param message what is wrong, in words an organizer can act on
 */
public record TemplateProblem(String language, String part, Integer line, String name, String message) {

	/** Where problems are found: one part of one language. */
	record Where(String language, String part) {

		TemplateProblem at(Integer line, String name, String message) {
			return new TemplateProblem(language, part, line, name, message);
		}

	}

	/** The request field, as API clients sent it: {@code languages.es.text}. */
	public String field() {
		if (language == null) {
			return name == null ? "languages" : name;
		}
		return "languages." + language + (part == null ? "" : "." + part);
	}

	public FieldError fieldError() {
		return new FieldError(field(), (line == null ? "" : "line " + line + ": ") + message);
	}

	/** The 400 for a template that cannot be saved: one field error per problem, and the problems themselves. */
	static RequestRefusedException refusal(List<TemplateProblem> problems) {
		return RequestRefusedException
			.invalidFields("Invalid template", problems.stream().map(TemplateProblem::fieldError).toList())
			.with("problems", List.copyOf(problems));
	}

}
