package org.callout.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

/**
 * The embedded outbox's {@code .eml} files addressed to the person: each holds their address, name and districts.
 * Looked for whatever the transport is now, since an outbox written before a switch to SMTP stays on disk. Matched
 * on the keyed hash of each file's {@code To} address, the one thing an erasure knows of the address. Reads every
 * file's headers, which is fine for the outbox a newcomer looks at, not for one holding a large blast.
 */
class OutboxPersonalData implements PersonalData {

	/** One message in the outbox. */
	record OutboxFile(String file, String subject, String date) {
	}

	private final Path directory;

	private final AddressHasher hasher;

	OutboxPersonalData(Path directory, AddressHasher hasher) {
		this.directory = directory;
		this.hasher = hasher;
	}

	@Override
	public String section() {
		return "outboxEmails";
	}

	@Override
	public List<OutboxFile> describe(PersonRef person) {
		return files(person).stream().map(file -> {
			InternetHeaders headers = headers(file);
			return new OutboxFile(file.getFileName().toString(), headers.getHeader("Subject", null), headers.getHeader("Date", null));
		}).toList();
	}

	@Override
	public void erase(PersonRef person) {
		for (Path file : files(person)) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not delete " + file.getFileName() + " from the outbox", ex);
			}
		}
	}

	private List<Path> files(PersonRef person) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> all = Files.list(directory)) {
			return all.filter(file -> file.getFileName().toString().endsWith(".eml"))
				.filter(file -> addressedTo(file, person.addressHash()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the outbox", ex);
		}
	}

	private boolean addressedTo(Path file, String addressHash) {
		String to = headers(file).getHeader("To", ",");
		if (to == null) {
			return false;
		}
		try {
			return Arrays.stream(InternetAddress.parseHeader(to, false))
				.anyMatch(address -> hasher.hash(EmailAddress.parse(address.getAddress()).matchKey()).equals(addressHash));
		}
		catch (MessagingException | RuntimeException ex) {
			return false; // Not a message Callout wrote: not the person's.
		}
	}

	private static InternetHeaders headers(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new InternetHeaders(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file.getFileName() + " in the outbox", ex);
		}
		catch (MessagingException ex) {
			return new InternetHeaders();
		}
	}

}
