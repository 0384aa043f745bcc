package org.callout.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.callout.mail.TemplateSource;

/**
 * Templates as files, {@code <templates-dir>/mail/<name>.<language>.txt} and {@code .html}. Read again at most
 * once per cache period, so an edited file is noticed without a restart and a blast does not read the disk
 * for every message.
 */
class FileTemplateSource implements TemplateSource {

	private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private record Cached(Optional<EmailTemplate> template, Instant loadedAt) {
	}

	private final Path directory;

	private final Duration cacheTtl;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	FileTemplateSource(Path templatesDir, Duration cacheTtl, Clock clock) {
		this.directory = templatesDir.resolve("mail");
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	@Override
	public Optional<EmailTemplate> find(String name, String language) {
		if (!SAFE_NAME.matcher(name).matches() || !SAFE_NAME.matcher(language).matches()) {
			return Optional.empty(); // Never a path outside the templates directory.
		}
		Instant now = clock.instant();
		Cached cached = cache.compute(name + "." + language, (key, old) -> old != null && old.loadedAt().plus(cacheTtl).isAfter(now)
				? old : new Cached(read(key), now));
		return cached.template();
	}

	private Optional<EmailTemplate> read(String baseName) {
		Path text = directory.resolve(baseName + ".txt");
		Path html = directory.resolve(baseName + ".html");
		if (!Files.isRegularFile(text) || !Files.isRegularFile(html)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new EmailTemplate(Files.readString(text, StandardCharsets.UTF_8),
					Files.readString(html, StandardCharsets.UTF_8), text.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the email template " + text, ex);
		}
	}

}
