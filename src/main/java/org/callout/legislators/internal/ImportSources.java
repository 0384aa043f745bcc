package org.callout.legislators.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.stereotype.Component;

/**
 * Reads an import source: a file, a directory of YAML files, a zip of them, or an https URL (of a file or a
 * zip). Everything is capped at {@code max-import-size}, counted as read (a zip by what it unpacks to), and
 * anything that cannot be read refuses the whole import before a row is written.
 */
@Component
class ImportSources {

	/** What was read, and the data's own version where the source says (an HTTP Last-Modified). */
	record Fetched(List<ImportFile> files, String version) {
	}

	private final LegislatorsProperties properties;

	private final HttpClient http;

	ImportSources(LegislatorsProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.downloadTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	Fetched fetch(String source, String yamlOrCsv) {
		if (source == null || source.isBlank()) {
			throw new ImportRefusedException("no source: give a path or an https URL");
		}
		String trimmed = source.strip();
		boolean yaml = "yaml".equals(yamlOrCsv);
		if (trimmed.regionMatches(true, 0, "https://", 0, 8) || loopbackHttp(trimmed)) {
			return download(trimmed, yaml);
		}
		if (trimmed.contains("://")) {
			throw new ImportRefusedException("only https URLs (or a path on this server) can be imported: " + trimmed);
		}
		return new Fetched(read(Path.of(trimmed), yaml), null);
	}

	/** Plain http only to this machine: a local mirror, or a test's server. */
	private static boolean loopbackHttp(String source) {
		String lower = source.toLowerCase(Locale.ROOT);
		return lower.startsWith("http://127.0.0.1:") || lower.startsWith("http://localhost:") || lower.startsWith("http://[::1]:");
	}

	private Fetched download(String url, boolean yaml) {
		HttpResponse<InputStream> response;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.downloadTimeout()).GET().build();
			response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IllegalArgumentException ex) {
			throw new ImportRefusedException("not a URL: " + url);
		}
		catch (IOException ex) {
			throw new ImportRefusedException("could not download " + url + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImportRefusedException("interrupted while downloading " + url, ex);
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new ImportRefusedException("could not download " + url + ": HTTP " + response.statusCode());
			}
			byte[] bytes = capped(body, url);
			String version = response.headers().firstValue("Last-Modified").orElse(null);
			return new Fetched(yaml && isZip(bytes) ? unzip(bytes, url) : List.of(new ImportFile(url, bytes)), version);
		}
		catch (IOException ex) {
			throw new ImportRefusedException("could not download " + url + ": " + ex, ex);
		}
	}

	private List<ImportFile> read(Path path, boolean yaml) {
		try {
			if (Files.isDirectory(path)) {
				return directory(path);
			}
			if (!Files.isReadable(path)) {
				throw new ImportRefusedException("cannot read " + path + ": no such file, or not readable");
			}
			if (Files.size(path) > max()) {
				throw tooLarge(path.toString());
			}
			byte[] bytes = Files.readAllBytes(path);
			return yaml && isZip(bytes) ? unzip(bytes, path.toString()) : List.of(new ImportFile(path.toString(), bytes));
		}
		catch (IOException ex) {
			throw new ImportRefusedException("cannot read " + path + ": " + ex.getMessage(), ex);
		}
	}

	private List<ImportFile> directory(Path directory) throws IOException {
		List<ImportFile> files = new ArrayList<>();
		long total = 0;
		try (Stream<Path> listing = Files.list(directory)) {
			for (Path file : listing.filter(ImportSources::isYamlName).sorted().toList()) {
				total += Files.size(file);
				if (total > max()) {
					throw tooLarge(directory.toString());
				}
				files.add(new ImportFile(file.getFileName().toString(), Files.readAllBytes(file)));
			}
		}
		if (files.isEmpty()) {
			throw new ImportRefusedException("no .yml or .yaml files in " + directory);
		}
		return files;
	}

	private List<ImportFile> unzip(byte[] zip, String name) throws IOException {
		List<ImportFile> files = new ArrayList<>();
		long total = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.isDirectory() || !isYamlName(Path.of(entry.getName()))) {
					continue;
				}
				byte[] bytes = capped(in, name);
				total += bytes.length;
				if (total > max()) {
					throw tooLarge(name);
				}
				files.add(new ImportFile(entry.getName(), bytes));
			}
		}
		if (files.isEmpty()) {
			throw new ImportRefusedException("no .yml or .yaml files in " + name);
		}
		return files;
	}

	/** Reads at most the cap, so a huge or endless body is refused without being held in memory. */
	private byte[] capped(InputStream in, String name) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16384];
		for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
			out.write(buffer, 0, n);
			if (out.size() > max()) {
				throw tooLarge(name);
			}
		}
		return out.toByteArray();
	}

	private long max() {
		return properties.maxImportSize().toBytes();
	}

	private ImportRefusedException tooLarge(String name) {
		return new ImportRefusedException(name + " is larger than " + properties.maxImportSize().toMegabytes() + " MB");
	}

	private static boolean isZip(byte[] bytes) {
		return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	private static boolean isYamlName(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".yml") || name.endsWith(".yaml");
	}

}
