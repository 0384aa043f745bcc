package org.callout.mail.internal;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MailComposer;
import org.callout.mail.MailProperties;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.EmailAddress;

/** An {@link SmtpMessenger} as the application builds it, against a loopback port, without Spring. */
final class SmtpTestSupport {

	final MailProperties.Smtp smtp;

	final MailProperties.Relay relay;

	final Session session;

	final MailComposer composer;

	final RelayStatus status;

	final SmtpMessenger messenger;

	SmtpTestSupport(int port, int poolSize, Duration borrowTimeout, String username) {
		this.smtp = new MailProperties.Smtp("127.0.0.1", port, MailProperties.Security.NONE, username,
				username == null ? null : "wrong-password", Duration.ofSeconds(5), Duration.ofSeconds(10), poolSize, borrowTimeout);
		this.relay = new MailProperties.Relay(0, 0, 0, Duration.ofMillis(300), Duration.ofSeconds(2), 3);
		this.session = Session.getInstance(SmtpSessionProperties.of(smtp, "example.org"));
		this.composer = new MailComposer(session, "Callout Tests", "action@example.org", null, "bounces@example.org");
		this.status = new RelayStatus(relay);
		this.messenger = new SmtpMessenger(new SmtpPool(session, smtp), poolSize, status, relay);
	}

	MimeMessage message(String to) {
		return composer.compose(new OutgoingEmail(EmailAddress.parse(to), null, "Subject", "text", "<p>html</p>", Map.of(),
				composer.newMessageId(), composer.returnPath()));
	}

}
