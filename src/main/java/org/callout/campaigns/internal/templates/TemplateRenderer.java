package org.callout.campaigns.internal.templates;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

/**
 * Renders a template version for one supporter. Organizers write the templates, so they render only from plain
 * maps, lists, strings and booleans (the collector never calls a getter), and a value is only ever inserted,
 * never read as template: a supporter who types {@code {{unsubscribeUrl}}} or {@code <script>} gets it back as text.
 */
public class TemplateRenderer {

	// Like mail.MailTemplates: JMustache's default collector would call any public getter of any object it meets.
	private static final Mustache.Collector PLAIN_VALUES = new BasicCollector() {
		@Override
		public <K, V> Map<K, V> createFetcherCache() {
			return new ConcurrentHashMap<>();
		}
	};

	// Strict sections: a section over a name the model lacks is the model's bug, not something to paper over.
	// An empty string is false, so {{#senator.email}} skips a legislator without one.
	private static final Mustache.Compiler BASE = Mustache.compiler()
		.withCollector(PLAIN_VALUES)
		.withFormatter(TemplateRenderer::format)
		.strictSections(true)
		.emptyStringIsFalse(true);

	private static final Mustache.Compiler HTML = BASE.escapeHTML(true);

	private static final Mustache.Compiler TEXT = BASE.escapeHTML(false);

	// A blast renders one version thousands of times: compile each source once. Bounded, because versions pile up.
	private static final int MAX_COMPILED = 256;

	private final Map<String, Text> compiledText = new ConcurrentHashMap<>();

	private final Map<String, Template> compiledHtml = new ConcurrentHashMap<>();

	private final String defaultLanguage;

	public TemplateRenderer(String defaultLanguage) {
		this.defaultLanguage = defaultLanguage;
	}

	/**
	 * A value as text. With empty strings false, Mustache asks this of every section's value to see whether it is
	 * empty, and the default wrote out a whole map for that (a legislator with their phones, the ask with its
	 * targets): most of what a blast's rendering allocated. A map or list is never printed (the checker refuses
	 * {@code {{senator}}}), and is never empty text, so it is answered without being written.
	 */
	static CharSequence format(Object value) {
		return value instanceof Map || value instanceof Collection ? NOT_TEXT : String.valueOf(value);
	}

	private static final String NOT_TEXT = "(not text)";

	static Mustache.Compiler compiler(boolean html) {
		return html ? HTML : TEXT;
	}

	/**
	 * @param model the variables of {@link TemplateVariables}, as maps, lists, strings and booleans only
	 * @throws IllegalStateException if the version has neither {@code language} nor the default language
	 * @throws IllegalArgumentException if the model holds anything but plain values
	 */
	public RenderedTemplate render(TemplateVersion template, String language, Map<String, ?> model) {
		String notPlain = notPlain(model);
		if (notPlain != null) {
			throw new IllegalArgumentException("model" + notPlain + ": templates render only from maps, lists, strings and booleans");
		}
		String used = language != null && template.languages().containsKey(language) ? language : defaultLanguage;
		Parts parts = template.in(used, defaultLanguage)
			.orElseThrow(() -> new IllegalStateException("Template " + template.name() + " v" + template.version()
					+ " has neither " + language + " nor " + defaultLanguage));
		Text text = cached(compiledText, parts.text(), source -> text(source, template.name() + " v" + template.version()));
		// A value with a line break in it ends no header and starts no body: the subject stays one line.
		String subject = text.subject().execute(model);
		if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0 || subject.indexOf('\t') >= 0) {
			subject = BREAKS.matcher(subject).replaceAll(" ");
		}
		String body = RenderedText.of(text.body(), model, source(parts.text())).stripped();
		String html = RenderedText.of(cached(compiledHtml, parts.html(), HTML::compile), model, source(parts.html())).whole();
		return new RenderedTemplate(subject.strip(), body, html, used);
	}

	private static final Pattern BREAKS = Pattern.compile("[\\r\\n\\t]+");

	/** A 10 KB email renders into a buffer sized for it at once, not one doubled from 16 characters eight times. */
	private static int source(String source) {
		return source.length() + source.length() / 2 + 256;
	}

	/**
	 * The subject line and the body, compiled apart: a supporter's value can then never move text between them
	 * (the checker requires every section opened on the subject line to close there).
	 */
	private record Text(Template subject, Template body) {
	}

	private static Text text(String source, String what) {
		int end = source.indexOf('\n');
		String first = end < 0 ? source : source.substring(0, end);
		if (!first.startsWith(PartChecker.SUBJECT_PREFIX)) {
			throw new IllegalStateException("Template " + what + " must start with 'Subject: '");
		}
		return new Text(TEXT.compile(first.substring(PartChecker.SUBJECT_PREFIX.length())),
				TEXT.compile(end < 0 ? "" : source.substring(end + 1)));
	}

	private static <T> T cached(Map<String, T> compiled, String source, Function<String, T> compile) {
		T template = compiled.get(source);
		if (template == null) {
			if (compiled.size() >= MAX_COMPILED) {
				compiled.clear();
			}
			template = compile.apply(source);
			compiled.put(source, template);
		}
		return template;
	}

	/**
	 * Where the model holds something that is not a plain value, and what it is; null when all of it is plain. The
	 * path is made only for the answer: this walks every value of every email.
	 */
	private static String notPlain(Object value) {
		switch (value) {
			case null -> {
				return null;
			}
			case String s -> {
				return null;
			}
			case Boolean b -> {
				return null;
			}
			case Number n -> {
				return null;
			}
			case Map<?, ?> map -> {
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					String inside = notPlain(entry.getValue());
					if (inside != null) {
						return "." + entry.getKey() + inside;
					}
				}
				return null;
			}
			case List<?> list -> {
				for (Object item : list) {
					String inside = notPlain(item);
					if (inside != null) {
						return "[]" + inside;
					}
				}
				return null;
			}
			default -> {
				return " is a " + value.getClass().getName();
			}
		}
	}

}
