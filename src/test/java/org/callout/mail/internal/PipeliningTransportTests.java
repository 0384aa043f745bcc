package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailDeliveryException.Kind;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.EmailAddress;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pipelined sends (RFC 2920) against a real SMTP server on loopback, which sees each group arrive in one read. */
class PipeliningTransportTests {

	final ScriptedSmtpServer server = ScriptedSmtpServer.start();

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void messagesToARelayOfferingPipeliningGoAsOneGroupOfCommandsAndArriveWhole() throws Exception {
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);
		String text = "Line one\n.a line that starts with a dot\r\n..and two\rend";

		for (int i = 0; i < 3; i++) {
			smtp.messenger.send(message(smtp, "reader" + i + "@example.org", text));
		}

		assertThat(server.pipelinedGroups()).isEqualTo(3);
		assertThat(server.received()).hasSize(3);
		assertThat(server.connectionsOpened()).isEqualTo(1);
		assertThat(server.received().get(2).recipients()).containsExactly("reader2@example.org");
		assertThat(server.received().get(2).mailFrom()).isEqualTo("bounces@example.org");
		// The server undoes the dot-stuffing; what is left is the quoted-printable part as composed, CRLF throughout.
		assertThat(server.received().get(0).data())
			.contains("Line one\r\n.a line that starts with a dot\r\n..and two\r\nend\r\n")
			.doesNotContain("\n\n");
	}

	@Test
	void aRelayWithoutPipeliningGetsOneCommandAtATimeFromAngus() throws Exception {
		server.withoutPipelining();
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);

		smtp.messenger.send(smtp.message("reader@example.org"));
		smtp.messenger.send(smtp.message("reader2@example.org"));

		assertThat(server.pipelinedGroups()).isZero();
		assertThat(server.received()).hasSize(2);
	}

	@Test
	void aRefusedRecipientInAGroupIsTheFailureAndTheConnectionSendsTheNextMessage() throws Exception {
		server.script(line -> line.contains("gone@") ? "550 5.1.1 <gone@example.org>: Recipient address rejected" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);

		MailDeliveryException refused = catchThrowableOfType(MailDeliveryException.class,
				() -> smtp.messenger.send(smtp.message("gone@example.org")));
		smtp.messenger.send(smtp.message("here@example.org"));

		assertThat(refused.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
		assertThat(refused.reply()).isEqualTo("550 5.1.1 <gone@example.org>: Recipient address rejected");
		assertThat(server.received()).extracting(ScriptedSmtpServer.Received::recipients).containsExactly(java.util.List.of("here@example.org"));
	}

	@Test
	void aServerThatAcceptsDataAfterRefusingTheRecipientGetsOnlyALoneDotAndTheRefusalIsStillTheAnswer() throws Exception {
		server.laxData().script(line -> line.contains("gone@") ? "550 5.1.1 No such user" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);

		MailDeliveryException refused = catchThrowableOfType(MailDeliveryException.class,
				() -> smtp.messenger.send(smtp.message("gone@example.org")));

		assertThat(refused.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
		assertThat(server.receivedFor("gone@example.org")).isZero();
		assertThat(server.received()).allSatisfy(empty -> {
			assertThat(empty.recipients()).isEmpty();
			assertThat(empty.data()).isEmpty();
		});
	}

	@Test
	void aRefusedEndOfDataIsTheDataStagesFailure() {
		server.script(line -> line.equals(".") ? "554 5.6.0 Message content rejected" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);

		MailDeliveryException refused = catchThrowableOfType(MailDeliveryException.class,
				() -> smtp.messenger.send(smtp.message("reader@example.org")));

		assertThat(refused.smtpCode()).isEqualTo(554);
		assertThat(refused.getMessage()).contains("to DATA");
		assertThat(server.received()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { ScriptedSmtpServer.DROP, "garbled, no code" })
	void aConnectionDroppedOrGarbledAtMailFromIsSentAgainOnANewOneOnceAndArrivesOnce(String secondMailReply) throws Exception {
		java.util.concurrent.atomic.AtomicInteger mails = new java.util.concurrent.atomic.AtomicInteger();
		server.script(line -> line.startsWith("MAIL") && mails.incrementAndGet() == 2 ? secondMailReply : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);

		smtp.messenger.send(smtp.message("first@example.org"));
		smtp.messenger.send(smtp.message("second@example.org"));

		assertThat(server.receivedFor("second@example.org")).isEqualTo(1);
		assertThat(server.connectionsOpened()).isEqualTo(2);
	}

	@Test
	void aRecipientAcceptedWithAnother2xxThan250IsSentTheMessage() throws Exception {
		server.script(line -> line.startsWith("RCPT") ? "252 2.1.5 Cannot VRFY user, but will accept message" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);

		smtp.messenger.send(smtp.message("reader@example.org"));

		assertThat(server.receivedFor("reader@example.org")).isEqualTo(1);
		assertThat(server.received().getFirst().data()).contains("Subject: Subject");
	}

	@Test
	void aServerThatAcceptsDataAfterRefusingTheSenderIsHungUpOnAndGetsNothing() {
		server.laxData().script(line -> line.startsWith("MAIL") ? "451 4.3.0 Try again later" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);

		MailDeliveryException deferred = catchThrowableOfType(MailDeliveryException.class,
				() -> smtp.messenger.send(smtp.message("reader@example.org")));

		assertThat(deferred.kind()).isEqualTo(Kind.TEMPORARY);
		assertThat(deferred.smtpCode()).isEqualTo(451);
		assertThat(server.received()).isEmpty();
	}

	@Test
	void aBccHeaderNeverReachesTheRecipientAndTheSendSaysItsContentWentOnlyOnceDataWasAccepted() throws Exception {
		server.script(line -> line.contains("gone@") ? "550 5.1.1 No such user" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);
		PipeliningTransport transport = new PipeliningTransport(smtp.session,
				new jakarta.mail.URLName("smtp", "127.0.0.1", server.port(), null, null, null));
		transport.connect("127.0.0.1", server.port(), null, null);

		MimeMessage refused = smtp.message("gone@example.org");
		catchThrowableOfType(jakarta.mail.MessagingException.class, () -> transport.sendMessage(refused, refused.getAllRecipients()));
		boolean contentAfterRefusal = transport.contentStarted();
		MimeMessage message = smtp.message("reader@example.org");
		message.setHeader("Bcc", "hidden@example.org");
		transport.sendMessage(message, new jakarta.mail.Address[] { message.getRecipients(MimeMessage.RecipientType.TO)[0] });
		boolean contentAfterSend = transport.contentStarted();
		long pipelined = transport.pipelinedSends();
		transport.close();

		assertThat(contentAfterRefusal).isFalse();
		assertThat(contentAfterSend).isTrue();
		assertThat(pipelined).isEqualTo(2);
		assertThat(server.received()).singleElement().satisfies(received -> {
			assertThat(received.recipients()).containsExactly("reader@example.org");
			assertThat(received.data()).doesNotContain("hidden@example.org").doesNotContainIgnoringCase("Bcc:");
		});
	}

	private static MimeMessage message(SmtpTestSupport smtp, String to, String text) {
		return smtp.composer.compose(new OutgoingEmail(EmailAddress.parse(to), null, "Subject", text, "<p>html</p>", Map.of(),
				smtp.composer.newMessageId(), smtp.composer.returnPath()));
	}

}
