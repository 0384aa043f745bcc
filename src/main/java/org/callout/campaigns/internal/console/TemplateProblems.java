package org.callout.campaigns.internal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.campaigns.internal.templates.TemplateProblem;

/** The checker's problems placed at the editor's fields, each with the line it points at as the organizer typed it. */
final class TemplateProblems {

	/**
	 * One problem where the editor shows it.
	 *
	 * @param field the textarea's id ({@code text-en})
	 * @param line 1-based, or null
	 * @param typed that line as typed, or null
	 * @param message the checker's words
	 */
	record AtField(String field, String language, String part, Integer line, String typed, String message) {
	}

	private TemplateProblems() {
	}

	static List<AtField> place(List<TemplateProblem> problems, TemplateForm form, String defaultLanguage) {
		return problems.stream().map(problem -> at(problem, form, defaultLanguage)).toList();
	}

	/** By field id, in the order the checker found them. */
	static Map<String, List<AtField>> byField(List<AtField> problems) {
		Map<String, List<AtField>> fields = new LinkedHashMap<>();
		problems.forEach(p -> fields.computeIfAbsent(p.field(), f -> new java.util.ArrayList<>()).add(p));
		return fields;
	}

	private static AtField at(TemplateProblem problem, TemplateForm form, String defaultLanguage) {
		String language = problem.language() == null || !form.parts().containsKey(problem.language()) ? defaultLanguage
				: problem.language();
		String part = "html".equals(problem.part()) ? "html" : "text";
		String words = part.equals("html") ? form.html(language) : form.text(language);
		String typed = null;
		if (problem.line() != null && words != null) {
			String[] lines = words.split("\n", -1);
			typed = problem.line() >= 1 && problem.line() <= lines.length ? lines[problem.line() - 1] : null;
		}
		return new AtField(part + "-" + language, language, part, problem.line(), typed, problem.message());
	}

}
