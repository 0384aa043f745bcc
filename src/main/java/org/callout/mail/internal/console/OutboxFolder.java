package org.callout.mail.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.callout.mail.MailProperties;
import org.callout.platform.CalloutProperties;

import org.springframework.stereotype.Component;

/**
 * The embedded outbox's {@code .eml} files, read for the console. A name from a request is only ever looked up among
 * the directory's own entries' shape (one plain file name, never a path), so no request reaches a file outside it.
 */
@Component
class OutboxFolder {

	// What OutboxMessenger writes (20261201-180000-123-1a2b3c4d.eml), and a little more for files put there by hand;
	// never a separator, never a leading dot (the partial files), never "..".
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.eml");

	// Reading every file's headers is fine for a newcomer's outbox, not for one holding a blast: the newest only.
	static final int LISTED = 200;

	private static final Session PARSING = Session.getInstance(new Properties());

	/** One message as listed. */
	record Listed(String file, String date, String to, String subject) {
	}

	/** One message as shown: its headers (decoded), its text part and its HTML part (either may be null). */
	record Shown(String file, List<HeaderLine> headers, String text, String html) {
	}

	/** A header as shown (templates may not read jakarta.mail's own classes). */
	// The signed part of every emailed link (confirm, not-me, unsubscribe, one-click List-Unsubscribe, call page): each
	// is the whole capability to act for that supporter, and a reader of the outbox (a viewer, say) must not be able
	// to confirm, unsubscribe or report a call in someone's name with it.
	private static final java.util.regex.Pattern LINK_TOKEN = java.util.regex.Pattern
		.compile("(token=|/u/|/call/)[A-Za-z0-9_~.%-]{8,}");

	static String withoutLinkTokens(String text) {
		return text == null ? null : LINK_TOKEN.matcher(text).replaceAll("$1…");
	}

	record HeaderLine(String name, String value) {
	}

	private final Path directory;

	OutboxFolder(MailProperties mail, CalloutProperties callout) {
		// As MailConfiguration resolves it for the outbox transport.
		this.directory = (mail.outboxDir() != null ? mail.outboxDir() : callout.dataDir().resolve("outbox")).toAbsolutePath().normalize();
	}

	List<Listed> newest() {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> all = Files.list(directory)) {
			return all.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
				.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
				.sorted(Comparator.comparing(OutboxFolder::modified).thenComparing(Path::getFileName).reversed())
				.limit(LISTED)
				.map(OutboxFolder::listed)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the outbox", ex);
		}
	}

	/** The message of this name, or empty when the name is not one of the outbox's files. */
	Optional<Shown> read(String name) {
		Optional<Path> file = file(name);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = Files.newInputStream(file.get(), LinkOption.NOFOLLOW_LINKS)) {
			MimeMessage message = new MimeMessage(PARSING, in);
			List<HeaderLine> headers = new ArrayList<>();
			for (Header header : Collections.list(message.getAllHeaders())) {
				headers.add(new HeaderLine(header.getName(), withoutLinkTokens(decoded(header.getValue()))));
			}
			Parts parts = new Parts();
			parts.collect(message);
			return Optional.of(new Shown(name, headers, withoutLinkTokens(parts.text), withoutLinkTokens(parts.html)));
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException("Could not read " + name + " in the outbox", ex);
		}
	}

	Optional<Path> file(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = directory.resolve(name).normalize();
		if (!directory.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		return Optional.of(file);
	}

	/** The first text/plain and text/html parts, however deep in alternatives and mixed parts. */
	private static final class Parts {

		String text;

		String html;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
			else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return;
			}
			else if (text == null && part.isMimeType("text/plain")) {
				text = String.valueOf(part.getContent());
			}
			else if (html == null && part.isMimeType("text/html")) {
				html = String.valueOf(part.getContent());
			}
		}

	}

	private static Listed listed(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			InternetHeaders headers = new InternetHeaders(in);
			return new Listed(file.getFileName().toString(), decoded(headers.getHeader("Date", null)),
					decoded(headers.getHeader("To", ", ")), decoded(headers.getHeader("Subject", null)));
		}
		catch (IOException | MessagingException ex) {
			return new Listed(file.getFileName().toString(), null, null, null);
		}
	}

	private static java.nio.file.attribute.FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			return java.nio.file.attribute.FileTime.fromMillis(0);
		}
	}

	private static String decoded(String raw) {
		if (raw == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(raw));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return raw;
		}
	}

}
