package org.callout.campaigns.internal.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

/**
 * The default templates, files {@code <templates-dir>/campaigns/<name>.<language>.txt} and {@code .html}, served as
 * version 0 with origin {@code file}. Read again at most once per cache period (like the mail templates), so an
 * edited file is noticed without a restart and a blast does not read the disk for every message.
 */
class FileTemplates {

	private record Cached(Optional<TemplateVersion> template, Instant loadedAt) {
	}

	private final Path directory;

	private final Duration cacheTtl;

	private final Clock clock;

	private final List<String> languages;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	FileTemplates(Path templatesDir, Duration cacheTtl, Clock clock, List<String> languages) {
		this.directory = templatesDir.resolve("campaigns");
		this.cacheTtl = cacheTtl;
		this.clock = clock;
		this.languages = List.copyOf(languages);
	}

	/** The file default of {@code name}, with every offered language that has both its files. */
	Optional<TemplateVersion> find(String name) {
		if (!TemplateChecker.validName(name)) {
			return Optional.empty(); // Never a path outside the templates directory.
		}
		Instant now = clock.instant();
		return cache.compute(name, (key, old) -> old != null && old.loadedAt().plus(cacheTtl).isAfter(now) ? old
				: new Cached(read(name), now)).template();
	}

	/** Names with at least one language in files. */
	List<String> names() {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			TreeSet<String> names = new TreeSet<>();
			files.map(file -> file.getFileName().toString()).forEach(file -> languages.forEach(language -> {
				String suffix = "." + language + ".txt";
				if (file.endsWith(suffix)) {
					names.add(file.substring(0, file.length() - suffix.length()));
				}
			}));
			return names.stream().filter(name -> find(name).isPresent()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the campaign templates in " + directory, ex);
		}
	}

	private Optional<TemplateVersion> read(String name) {
		Map<String, Parts> parts = new LinkedHashMap<>();
		Instant modified = Instant.EPOCH;
		try {
			for (String language : languages) {
				Path text = directory.resolve(name + "." + language + ".txt");
				Path html = directory.resolve(name + "." + language + ".html");
				if (Files.isRegularFile(text) && Files.isRegularFile(html)) {
					parts.put(language, new Parts(Files.readString(text, StandardCharsets.UTF_8),
							Files.readString(html, StandardCharsets.UTF_8)));
					for (Path file : List.of(text, html)) {
						Instant at = Files.getLastModifiedTime(file).toInstant();
						modified = at.isAfter(modified) ? at : modified;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the campaign template " + name + " in " + directory, ex);
		}
		return parts.isEmpty() ? Optional.empty() : Optional.of(new TemplateVersion(name, 0, "file", modified, parts));
	}

}
