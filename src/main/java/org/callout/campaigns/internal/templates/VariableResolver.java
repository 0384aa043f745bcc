package org.callout.campaigns.internal.templates;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.campaigns.internal.templates.TagScanner.Tag;
import org.callout.campaigns.internal.templates.TemplateVariables.Flag;
import org.callout.campaigns.internal.templates.TemplateVariables.Items;
import org.callout.campaigns.internal.templates.TemplateVariables.Kind;
import org.callout.campaigns.internal.templates.TemplateVariables.Node;
import org.callout.campaigns.internal.templates.TemplateVariables.Text;

/**
 * Resolves every tag of one part against {@link TemplateVariables} as Mustache will at render time, through the
 * stack of section contexts: a name is looked up from the innermost context outwards, a dotted name then descends.
 * A typo is thus an error with its line at save time, instead of an exception (or a hole) in every email sent.
 */
final class VariableResolver {

	/**
	 * An open section. {@code fields} is the context it pushes (a Node's or a list item's fields); {@code scalar}
	 * when it pushes a text value (so {@code {{.}}} prints it); neither for a flag or an inverted section.
	 */
	private record Frame(String name, int line, Map<String, Kind> fields, boolean scalar, Kind kind) {

		Frame(String name, int line, Map<String, Kind> fields, boolean scalar) {
			this(name, line, fields, scalar, null);
		}

	}

	/**
	 * @param problems what cannot render
	 * @param topLevel each name printed outside any section, with its first line
	 * @param nested each name printed inside a section, with its first line
	 * @param balanced every section closed where it should be (else what is "inside" means little)
	 */
	record Resolution(List<TemplateProblem> problems, Map<String, Integer> topLevel, Map<String, Integer> nested,
			boolean balanced) {
	}

	private VariableResolver() {
	}

	static Resolution resolve(List<Tag> tags, TemplateProblem.Where where) {
		List<TemplateProblem> problems = new ArrayList<>();
		Map<String, Integer> topLevel = new HashMap<>();
		Map<String, Integer> nested = new HashMap<>();
		Deque<Frame> open = new ArrayDeque<>();
		boolean balanced = true;
		for (Tag tag : tags) {
			switch (tag.type()) {
				case SECTION -> open.push(section(tag, lookup(tag.name(), open), open, where, problems));
				case INVERTED -> {
					if (lookup(tag.name(), open).isEmpty()) {
						problems.add(unknown(tag, where));
					}
					open.push(new Frame(tag.name(), tag.line(), null, false));
				}
				case CLOSE -> balanced &= close(tag, open, where, problems);
				case VARIABLE -> {
					variable(tag, open, where, problems);
					(open.isEmpty() ? topLevel : nested).putIfAbsent(tag.name(), tag.line());
				}
			}
		}
		open.forEach(frame -> problems.add(unclosed(frame, where)));
		balanced &= open.isEmpty();
		return new Resolution(List.copyOf(problems), Map.copyOf(topLevel), Map.copyOf(nested), balanced);
	}

	private static Frame section(Tag tag, Optional<Kind> kind, Deque<Frame> open, TemplateProblem.Where where,
			List<TemplateProblem> problems) {
		if (kind.isEmpty()) {
			problems.add(unknown(tag, where));
			return new Frame(tag.name(), tag.line(), null, false);
		}
		throughAbsent(tag, open, where, problems);
		return switch (kind.get()) {
			case Node node -> new Frame(tag.name(), tag.line(), node.fields(), false, node);
			case Items items -> new Frame(tag.name(), tag.line(), items.fields(), false);
			case Text text -> new Frame(tag.name(), tag.line(), null, true);
			case Flag flag -> new Frame(tag.name(), tag.line(), null, false);
		};
	}

	// A close that matches a section further out closes the ones in between, each reported never closed; one
	// that matches nothing open is reported and ignored, so one typo yields one problem, not one per line after it.
	private static boolean close(Tag tag, Deque<Frame> open, TemplateProblem.Where where, List<TemplateProblem> problems) {
		if (open.stream().noneMatch(frame -> frame.name().equals(tag.name()))) {
			problems.add(where.at(tag.line(), tag.name(), open.isEmpty() ? "'{{/" + tag.name() + "}}' closes no open section"
					: "'{{/" + tag.name() + "}}' does not match '{{#" + open.peek().name() + "}}' opened on line "
							+ open.peek().line()));
			return false;
		}
		boolean balanced = true;
		for (Frame frame = open.pop(); !frame.name().equals(tag.name()); frame = open.pop()) {
			problems.add(unclosed(frame, where));
			balanced = false;
		}
		return balanced;
	}

	private static TemplateProblem unclosed(Frame frame, TemplateProblem.Where where) {
		return where.at(frame.line(), frame.name(),
				"section '{{#" + frame.name() + "}}' is never closed with '{{/" + frame.name() + "}}'");
	}

	private static void variable(Tag tag, Deque<Frame> open, TemplateProblem.Where where, List<TemplateProblem> problems) {
		if (tag.name().equals(".")) {
			Frame context = open.stream().filter(f -> f.fields() != null || f.scalar()).findFirst().orElse(null);
			if (context == null) {
				problems.add(where.at(tag.line(), ".", "'{{.}}' is only meaningful inside a section over a text value"));
			}
			else if (!context.scalar()) {
				problems.add(where.at(tag.line(), ".", "'{{.}}' here is '" + context.name()
						+ "', which is not text: name one of its fields"));
			}
			return;
		}
		Optional<Kind> kind = lookup(tag.name(), open);
		if (kind.isEmpty()) {
			problems.add(unknown(tag, where));
			return;
		}
		String hint = "{{#" + tag.name() + "}}…{{/" + tag.name() + "}}";
		switch (kind.get()) {
			case Text text -> throughAbsent(tag, open, where, problems);
			case Flag flag -> problems.add(where.at(tag.line(), tag.name(), "'" + tag.name()
					+ "' is yes or no, not text: use it as a section, " + hint));
			case Node node -> problems.add(where.at(tag.line(), tag.name(), "'" + tag.name()
					+ "' is an object, not text: print one of its fields, or open it with " + hint));
			case Items items -> problems.add(where.at(tag.line(), tag.name(), "'" + tag.name()
					+ "' is a list, not text: repeat over it with " + hint));
		}
	}

	/**
	 * A dotted name that reaches into an optional object outside a section over it ({@code {{bill.title}}} outside
	 * {@code {{#bill}}}) would fail for every supporter whose email lacks that object (no bill, no known senator).
	 */
	private static void throughAbsent(Tag tag, Deque<Frame> open, TemplateProblem.Where where, List<TemplateProblem> problems) {
		String[] segments = tag.name().split("\\.");
		for (int end = 1; end < segments.length; end++) {
			String prefix = String.join(".", java.util.Arrays.copyOf(segments, end));
			Optional<Kind> kind = lookup(prefix, open);
			if (kind.isPresent() && kind.get() instanceof Node node && node.optional()
					&& open.stream().noneMatch(frame -> frame.kind() == node)) {
				problems.add(where.at(tag.line(), tag.name(), "'" + tag.name() + "' reaches into '" + prefix
						+ "', which some supporters' emails lack: put it inside {{#" + prefix + "}}…{{/" + prefix + "}}"));
				return;
			}
		}
	}

	/** Mustache's rule: the first segment from the innermost context outwards, the rest descending from there. */
	private static Optional<Kind> lookup(String name, Deque<Frame> open) {
		String[] segments = name.split("\\.");
		List<Map<String, Kind>> contexts = new ArrayList<>();
		open.forEach(frame -> {
			if (frame.fields() != null) {
				contexts.add(frame.fields());
			}
		});
		contexts.add(TemplateVariables.ROOT);
		Kind kind = contexts.stream().filter(c -> c.containsKey(segments[0])).findFirst().map(c -> c.get(segments[0])).orElse(null);
		for (int i = 1; i < segments.length && kind != null; i++) {
			kind = kind instanceof Node node ? node.fields().get(segments[i]) : null;
		}
		return Optional.ofNullable(kind);
	}

	private static TemplateProblem unknown(Tag tag, TemplateProblem.Where where) {
		return where.at(tag.line(), tag.name(), "unknown variable '" + tag.name() + "'");
	}

}
