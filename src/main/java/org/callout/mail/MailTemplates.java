package org.callout.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Renders email templates written in Mustache, which is logic-less: a template can insert values and
 * repeat sections, nothing else, so a template an organizer edits can never run code, and a value (a name
 * a supporter typed, say) is inserted as text and never read as template syntax. The HTML part escapes
 * every value; the text part inserts them as they are. The text part's first line is {@code Subject: ...}.
 */
public final class MailTemplates {

	private static final String SUBJECT_PREFIX = "Subject:";

	// Values come from maps, lists and strings only: JMustache's default collector would call any public getter
	// ({{listName.class.classLoader}}), and templates are edited by organizers, so nothing may reach into objects.
	private static final Mustache.Collector PLAIN_VALUES = new BasicCollector() {
		@Override
		public <K, V> Map<K, V> createFetcherCache() {
			return new ConcurrentHashMap<>();
		}
	};

	// A missing value is a bug in the caller's model, not something to paper over with an empty string.
	private static final Mustache.Compiler HTML = Mustache.compiler().withCollector(PLAIN_VALUES).escapeHTML(true).strictSections(true);

	private static final Mustache.Compiler TEXT = Mustache.compiler().withCollector(PLAIN_VALUES).escapeHTML(false).strictSections(true);

	private final List<TemplateSource> sources;

	private final String defaultLanguage;

	public MailTemplates(List<TemplateSource> sources, String defaultLanguage) {
		this.sources = List.copyOf(sources);
		this.defaultLanguage = defaultLanguage;
	}

	/** Renders {@code name} in {@code language}, or in the default language when it has no such version. */
	public RenderedEmail render(String name, String language, Map<String, ?> model) {
		TemplateSource.EmailTemplate template = find(name, language).or(() -> find(name, defaultLanguage))
			.orElseThrow(() -> new IllegalStateException("No email template '" + name + "' in " + language + " or "
					+ defaultLanguage));
		try {
			String text = TEXT.compile(template.text()).execute(model);
			String html = HTML.compile(template.html()).execute(model);
			List<String> lines = text.lines().toList();
			if (lines.isEmpty() || !lines.getFirst().startsWith(SUBJECT_PREFIX)) {
				throw new IllegalStateException("Template " + template.origin() + " must start with 'Subject: '");
			}
			String subject = lines.getFirst().substring(SUBJECT_PREFIX.length()).strip();
			String body = String.join("\n", lines.subList(1, lines.size())).strip() + "\n";
			return new RenderedEmail(subject, body, html);
		}
		catch (MustacheException ex) {
			throw new IllegalStateException("Template " + template.origin() + " could not be rendered: " + ex.getMessage(), ex);
		}
	}

	private Optional<TemplateSource.EmailTemplate> find(String name, String language) {
		return sources.stream().flatMap(source -> source.find(name, language).stream()).findFirst();
	}

}
