package org.callout.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the email templates organizers edit, {@code <templates-dir>/mail/<name>.<language>.txt} and
 * {@code .html}. The text template's first line is {@code Subject: ...}. Values are inserted by Thymeleaf
 * (escaped in HTML) and never evaluated as template code, so supporter input stays inert.
 */
public final class MailTemplates {

	private static final String SUBJECT_PREFIX = "Subject:";

	private final ITemplateEngine engine;

	private final Path templatesDir;

	private final String defaultLanguage;

	public MailTemplates(ITemplateEngine engine, Path templatesDir, String defaultLanguage) {
		this.engine = engine;
		this.templatesDir = templatesDir;
		this.defaultLanguage = defaultLanguage;
	}

	public RenderedEmail render(String name, String language, Map<String, Object> model) {
		String lang = Files.exists(file(name, language, "txt")) ? language : defaultLanguage;
		Context context = new Context(Locale.forLanguageTag(lang), model);
		String text = engine.process("mail/" + name + "." + lang + ".txt", context);
		String html = engine.process("mail/" + name + "." + lang + ".html", context);
		List<String> lines = text.lines().toList();
		if (lines.isEmpty() || !lines.getFirst().startsWith(SUBJECT_PREFIX)) {
			throw new IllegalStateException("Template " + file(name, lang, "txt") + " must start with 'Subject: '");
		}
		String subject = lines.getFirst().substring(SUBJECT_PREFIX.length()).strip();
		String body = String.join("\n", lines.subList(1, lines.size())).strip() + "\n";
		return new RenderedEmail(subject, body, html);
	}

	Path file(String name, String language, String extension) {
		return templatesDir.resolve("mail").resolve(name + "." + language + "." + extension);
	}

}
