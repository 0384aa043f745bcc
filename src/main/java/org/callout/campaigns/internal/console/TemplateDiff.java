package org.callout.campaigns.internal.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import org.callout.campaigns.internal.templates.TemplateVersion;

/** What changed between two versions of a template, line by line, per language and part. */
final class TemplateDiff {

	private static final int CONTEXT = 3;

	/** One diff line: its kind ({@code added}, {@code removed}, {@code same} or {@code hunk}) and the line with its sign. */
	record Line(String kind, String line) {
	}

	/** One part of one language: its lines, empty when nothing changed. */
	record Part(String language, String part, List<Line> lines) {

		public boolean changed() {
			return !lines.isEmpty();
		}

	}

	private TemplateDiff() {
	}

	static List<Part> between(TemplateVersion from, TemplateVersion to) {
		Set<String> languages = new LinkedHashSet<>(new java.util.TreeSet<>(from.languages().keySet()));
		languages.addAll(new java.util.TreeSet<>(to.languages().keySet()));
		List<Part> parts = new ArrayList<>();
		for (String language : languages) {
			TemplateVersion.Parts a = from.languages().get(language);
			TemplateVersion.Parts b = to.languages().get(language);
			parts.add(new Part(language, "text", lines(a == null ? null : a.text(), b == null ? null : b.text())));
			parts.add(new Part(language, "html", lines(a == null ? null : a.html(), b == null ? null : b.html())));
		}
		return parts;
	}

	private static List<Line> lines(String from, String to) {
		List<String> a = split(from);
		List<String> b = split(to);
		Patch<String> patch = DiffUtils.diff(a, b);
		if (patch.getDeltas().isEmpty()) {
			return List.of();
		}
		// The first two lines name the files; the hunks after them are what an organizer reads.
		return UnifiedDiffUtils.generateUnifiedDiff("from", "to", a, patch, CONTEXT).stream().skip(2)
			.map(TemplateDiff::line).toList();
	}

	private static Line line(String line) {
		String kind = line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "added" : line.startsWith("-") ? "removed" : "same";
		return new Line(kind, line);
	}

	private static List<String> split(String words) {
		return words == null || words.isEmpty() ? List.of() : List.of(words.split("\n", -1));
	}

}
