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
import java.nio.file.InvalidPathException;
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
			// A redirect could lead anywhere, an internal address included: the organizer names the final URL.
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Fetched fetch(String source, String yamlOrCsv) {
		if (source == null || source.isBlank()) {
			throw new ImportRefusedException("no source: give a path or an https URL");
		}
		String trimmed = source.strip();
		boolean yaml = "yaml".equals(yamlOrCsv);
		if (trimmed.contains("://")) {
			return download(checkedUrl(trimmed), yaml);
		}
		return new Fetched(read(allowedPath(trimmed), yaml), null);
	}

	/** https to anywhere, plain http only to this machine (a local mirror, a test's server); never a user part. */
	private static URI checkedUrl(String source) {
		URI uri;
		try {
			uri = URI.create(source);
		}
		catch (IllegalArgumentException ex) {
			throw new ImportRefusedException("not a URL: " + source);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
		if (uri.getRawUserInfo() != null || host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
			throw new ImportRefusedException("only https URLs (plain http to this machine) without a user part can be "
					+ "imported, or a file in callout.legislators.import-dirs");
		}
		return uri;
	}

	/** A file or directory inside one of the configured import directories, links resolved. */
	private Path allowedPath(String source) {
		Path real;
		try {
			real = Path.of(source).toRealPath();
		}
		catch (IOException | InvalidPathException ex) {
			throw new ImportRefusedException("cannot read " + source + ": no such file, or not readable");
		}
		for (Path dir : properties.importDirs()) {
			try {
				if (real.startsWith(dir.toRealPath())) {
					return real;
				}
			}
			catch (IOException ex) {
				// A configured directory that does not exist (yet) allows nothing.
			}
		}
		throw new ImportRefusedException("files are imported only from callout.legislators.import-dirs "
				+ properties.importDirs() + "; " + source + " is not in one");
	}

	private Fetched download(URI url, boolean yaml) {
		HttpResponse<InputStream> response;
		try {
			HttpRequest request = HttpRequest.newBuilder(url).timeout(properties.downloadTimeout()).GET().build();
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
			byte[] bytes = capped(body, url.toString());
			String version = response.headers().firstValue("Last-Modified").orElse(null);
			return new Fetched(yaml && isZip(bytes) ? unzip(bytes, url.toString()) : List.of(new ImportFile(url.toString(), bytes)),
					version);
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
