package org.callout.mail.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.Messenger;

/**
 * The embedded default transport: each message becomes an RFC 5322 {@code .eml} file that any mail client
 * opens, so a newcomer sees the real emails without a mail server. Files are written then moved into place,
 * so nobody ever reads half a message.
 */
class OutboxMessenger implements Messenger {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final Path directory;

	OutboxMessenger(Path directory) {
		this.directory = directory;
	}

	@Override
	public String send(MimeMessage message) {
		try {
			Files.createDirectories(directory);
			String name = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + UUID.randomUUID().toString().substring(0, 8);
			Path partial = directory.resolve("." + name + ".partial");
			try (OutputStream out = Files.newOutputStream(partial)) {
				message.writeTo(out);
			}
			Files.move(partial, directory.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
			return "outbox " + name + ".eml";
		}
		catch (IOException ex) {
			throw new MailDeliveryException("Could not write to the outbox " + directory, new UncheckedIOException(ex),
					MailDeliveryException.Kind.TEMPORARY, 0, null);
		}
		catch (MessagingException ex) {
			throw new MailDeliveryException("Could not write a message to the outbox", ex,
					MailDeliveryException.Kind.RELAY_FAULT, 0, null);
		}
	}

	@Override
	public String transportName() {
		return "outbox";
	}

}
