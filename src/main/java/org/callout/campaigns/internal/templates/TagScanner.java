package org.callout.campaigns.internal.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a template into its Mustache tags, with their lines. JMustache takes a lone {@code {{name} as text and
 * sends it to thousands of supporters verbatim, so every {@code {{} must close here; and the tags organizers may
 * not use (unescaped output, partials, delimiter changes) are refused by what they are, not by what they do.
 */
final class TagScanner {

	enum Type {

		VARIABLE, SECTION, INVERTED, CLOSE

	}

	record Tag(Type type, String name, int line) {
	}

	record Scan(List<Tag> tags, List<TemplateProblem> problems) {
	}

	private static final Pattern NAME = Pattern.compile("\\.|[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

	private TagScanner() {
	}

	static Scan scan(String source, TemplateProblem.Where where) {
		List<Tag> tags = new ArrayList<>();
		List<TemplateProblem> problems = new ArrayList<>();
		int line = 1;
		int pos = 0;
		while (true) {
			int open = source.indexOf("{{", pos);
			if (open < 0) {
				break;
			}
			line += newlines(source, pos, open);
			int close = source.indexOf("}}", open + 2);
			int reopen = source.indexOf("{{", open + 2);
			boolean comment = source.startsWith("{{!", open);
			int newline = source.indexOf('\n', open);
			boolean crossesLine = !comment && newline >= 0 && (close < 0 || newline < close);
			if (close < 0 || (reopen >= 0 && reopen < close && !comment) || crossesLine) {
				problems.add(where.at(line, snippet(source, open), "'" + snippet(source, open)
						+ "' is never closed: every '{{' needs its '}}' on the same line"));
				pos = open + 2;
				continue;
			}
			String inner = source.substring(open + 2, close);
			int end = close + 2;
			if (inner.startsWith("{") && source.startsWith("}", end)) {
				end++;
			}
			classify(inner, line, where, tags, problems);
			line += newlines(source, open, end);
			pos = end;
		}
		return new Scan(List.copyOf(tags), List.copyOf(problems));
	}

	private static void classify(String inner, int line, TemplateProblem.Where where, List<Tag> tags,
			List<TemplateProblem> problems) {
		String tag = inner.strip();
		if (tag.isEmpty()) {
			problems.add(where.at(line, "{{}}", "empty tag '{{}}'"));
			return;
		}
		String rest = tag.substring(1).strip();
		switch (tag.charAt(0)) {
			case '!' -> {
				// A comment: shown to nobody.
			}
			case '#' -> named(Type.SECTION, rest, line, where, tags, problems);
			case '^' -> named(Type.INVERTED, rest, line, where, tags, problems);
			case '/' -> named(Type.CLOSE, rest, line, where, tags, problems);
			case '{', '&' -> {
				String name = rest.replace("}", "").strip();
				String written = tag.charAt(0) == '{' ? "{{{" + name + "}}}" : "{{&" + name + "}}";
				problems.add(where.at(line, name, "unescaped output '" + written + "' is not allowed: write {{" + name
						+ "}} (values are always escaped in HTML)"));
			}
			case '>' -> problems.add(where.at(line, rest, "partials ('{{>" + rest + "}}') are not allowed"));
			case '=' -> problems.add(where.at(line, tag, "changing the delimiters ('{{" + tag + "}}') is not allowed"));
			case '<', '$' -> problems.add(where.at(line, rest, "template inheritance ('{{" + tag + "}}') is not allowed"));
			default -> named(Type.VARIABLE, tag, line, where, tags, problems);
		}
	}

	private static void named(Type type, String name, int line, TemplateProblem.Where where, List<Tag> tags,
			List<TemplateProblem> problems) {
		if (!NAME.matcher(name).matches() || (name.equals(".") && type != Type.VARIABLE)) {
			problems.add(where.at(line, name, "'" + name + "' is not a variable name"));
			return;
		}
		tags.add(new Tag(type, name, line));
	}

	static int newlines(String source, int from, int to) {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (source.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

	private static String snippet(String source, int open) {
		int end = open + 2;
		while (end < source.length() && end < open + 40 && source.charAt(end) != '\n' && source.charAt(end) != '\r'
				&& !source.startsWith("{{", end)) {
			end++;
		}
		return source.substring(open, end).strip();
	}

}
