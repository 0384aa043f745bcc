package org.callout.campaigns.internal.templates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.MustacheException;

/** Checks one part (text or HTML) of one language: everything that can be known about it before it is sent. */
final class PartChecker {

	/** Gmail clips an HTML message over 102 KB behind a "view entire message" link: unsubscribe link included. */
	static final int MAX_PART_BYTES = 100 * 1024;

	static final int MAX_SUBJECT = 200;

	static final String SUBJECT_PREFIX = "Subject:";

	private static final Pattern JMUSTACHE_LINE = Pattern.compile("@ line (\\d+)");

	private PartChecker() {
	}

	static List<TemplateProblem> check(String source, TemplateProblem.Where where) {
		if (source == null || source.isBlank()) {
			return List.of(where.at(null, null, "the " + where.part() + " part is required"));
		}
		int bytes = source.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_PART_BYTES) {
			return List.of(where.at(null, null, "the " + where.part() + " part is " + (bytes + 1023) / 1024
					+ " KB; at most 100 KB" + (where.part().equals("html") ? " (Gmail clips HTML over 102 KB, hiding the unsubscribe link)" : "")));
		}
		List<TemplateProblem> problems = new ArrayList<>(unstorable(source, where));
		if (!problems.isEmpty()) {
			return problems;
		}
		if (where.part().equals("text")) {
			problems.addAll(subject(source, where));
		}
		TagScanner.Scan scan = TagScanner.scan(source, where);
		if (where.part().equals("text") && scan.problems().isEmpty()) {
			problems.addAll(subjectSections(scan, where));
		}
		problems.addAll(scan.problems());
		VariableResolver.Resolution resolution = VariableResolver.resolve(scan.tags(), where);
		problems.addAll(resolution.problems());
		if (problems.isEmpty()) {
			problems.addAll(compiles(source, where));
		}
		// With a section left open, everything after it is "inside": the real problem is already reported.
		// The required names must be where a reader sees them: not only in the subject, nor in an HTML comment.
		VariableResolver.Resolution visible = resolution.balanced()
				? VariableResolver.resolve(TagScanner.scan(visibleBody(source, where.part()), where).tags(), where) : resolution;
		for (String required : resolution.balanced() ? TemplateVariables.REQUIRED : List.<String>of()) {
			if (resolution.topLevel().containsKey(required) && !visible.topLevel().containsKey(required)) {
				problems.add(where.at(resolution.topLevel().get(required), required, "'{{" + required
						+ "}}' must be in the body where readers see it, not only in the subject line or an HTML comment"));
			}
			else if (!resolution.topLevel().containsKey(required)) {
				Integer inside = resolution.nested().get(required);
				problems.add(where.at(inside, required, inside == null
						? "'{{" + required + "}}' is missing: every email must show it, outside any section"
						: "'{{" + required + "}}' must be outside any section, so every email shows it"));
			}
		}
		return problems;
	}

	/**
	 * The part as a reader sees it: the text part without its subject line, the HTML part without comments. Blanked
	 * characters keep their newlines, so lines stay where they were.
	 */
	static String visibleBody(String source, String part) {
		if (part.equals("text")) {
			int end = source.indexOf('\n');
			return end < 0 ? "" : " ".repeat(end) + source.substring(end);
		}
		StringBuilder visible = new StringBuilder(source);
		java.util.regex.Matcher comment = java.util.regex.Pattern.compile("<!--.*?(-->|\\z)", java.util.regex.Pattern.DOTALL)
			.matcher(source);
		while (comment.find()) {
			for (int i = comment.start(); i < comment.end(); i++) {
				if (visible.charAt(i) != '\n') {
					visible.setCharAt(i, ' ');
				}
			}
		}
		return visible.toString();
	}

	/** A NUL or half a surrogate pair: no database stores it (PostgreSQL refuses), and no mail client shows it. */
	private static List<TemplateProblem> unstorable(String source, TemplateProblem.Where where) {
		for (int i = 0; i < source.length(); i++) {
			char c = source.charAt(i);
			boolean broken = c == 0 || (Character.isHighSurrogate(c)
					? i + 1 >= source.length() || !Character.isLowSurrogate(source.charAt(++i)) : Character.isLowSurrogate(c));
			if (broken) {
				return List.of(where.at(TagScanner.newlines(source, 0, i) + 1, null,
						"contains a NUL or an unpaired surrogate character, which cannot be stored"));
			}
		}
		return List.of();
	}

	private static List<TemplateProblem> subject(String text, TemplateProblem.Where where) {
		String first = text.lines().findFirst().orElse("");
		if (!first.startsWith(SUBJECT_PREFIX)) {
			return List.of(where.at(1, "Subject", "the text part must start with a 'Subject: …' line"));
		}
		String subject = first.substring(SUBJECT_PREFIX.length()).strip();
		if (subject.isEmpty()) {
			return List.of(where.at(1, "Subject", "the subject is empty"));
		}
		int length = subject.codePointCount(0, subject.length());
		if (length > MAX_SUBJECT) {
			return List.of(where.at(1, "Subject", "the subject is " + length + " characters; at most " + MAX_SUBJECT));
		}
		return List.of();
	}

	/** The subject renders on its own (so no value can move text into or out of it): its sections close on it. */
	private static List<TemplateProblem> subjectSections(TagScanner.Scan scan, TemplateProblem.Where where) {
		List<TagScanner.Tag> subject = scan.tags().stream().filter(tag -> tag.line() == 1).toList();
		if (VariableResolver.resolve(subject, where).balanced()) {
			return List.of();
		}
		return List.of(where.at(1, "Subject", "a section opened on the subject line must close on it"));
	}

	/** What the scanner did not catch, JMustache does: its message carries "@ line N". */
	private static List<TemplateProblem> compiles(String source, TemplateProblem.Where where) {
		try {
			TemplateRenderer.compiler(where.part().equals("html")).compile(source);
			return List.of();
		}
		catch (MustacheException | IndexOutOfBoundsException ex) {
			Matcher line = JMUSTACHE_LINE.matcher(String.valueOf(ex.getMessage()));
			return List.of(where.at(line.find() ? Integer.valueOf(line.group(1)) : null, null,
					String.valueOf(ex.getMessage()).replaceAll("\\s*@ line \\d+", "")));
		}
	}

}
