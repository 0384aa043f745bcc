package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailDeliveryException.Kind;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the relay's answers are read, with Angus's real exceptions from a scripted SMTP server. */
class SmtpRepliesTests {

	final ScriptedSmtpServer server = ScriptedSmtpServer.start();

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void a550WithEnhancedCode511ToRcptToIsAFinalRefusalOfThatAddressWithTheReplyKept() {
		server.script(line -> line.contains("gone@") ? "550 5.1.1 <gone@example.org>: Recipient address rejected" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(5), null);

		MailDeliveryException refused = send(smtp, "gone@example.org");

		assertThat(refused.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
		assertThat(refused.reply()).isEqualTo("550 5.1.1 <gone@example.org>: Recipient address rejected");
		assertThat(smtp.status.snapshot().paused()).isFalse();
	}

	@Test
	void a451ToRcptToIsTemporary() {
		server.script(line -> line.startsWith("RCPT") ? "451 4.3.0 Try again later" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(5), null);

		assertThat(send(smtp, "later@example.org").kind()).isEqualTo(Kind.TEMPORARY);
	}

	@Test
	void a5xxWithEnhancedCode57xToRcptToIsARelayFaultNotABadAddress() {
		server.script(line -> line.startsWith("RCPT") ? "554 5.7.1 <a@example.org>: Relay access denied" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(5), null);

		assertThat(send(smtp, "a@example.org").kind()).isEqualTo(Kind.RELAY_FAULT);
		assertThat(smtp.status.snapshot().paused()).isTrue();
	}

	@Test
	void a5xxToMailFromIsARelayFault() {
		server.script(line -> line.startsWith("MAIL FROM") ? "553 5.1.8 Sender address rejected: domain not found" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(5), null);

		assertThat(send(smtp, "a@example.org").kind()).isEqualTo(Kind.RELAY_FAULT);
	}

	@Test
	void aRejectedLoginPausesSendingAndAProbeAfterThePauseResumesItOnceTheRelayAcceptsAgain() {
		server.script(line -> line.startsWith("AUTH") ? "535 5.7.8 Authentication credentials invalid" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(5), "callout");

		assertThat(send(smtp, "a@example.org").kind()).isEqualTo(Kind.RELAY_FAULT);
		MailDeliveryException whilePaused = send(smtp, "b@example.org");
		assertThat(whilePaused.kind()).isEqualTo(Kind.PAUSED);
		assertThat(whilePaused.getMessage()).contains("paused").contains("535 5.7.8");
		int connectionsWhilePaused = server.connectionsOpened();

		server.script(line -> null);
		Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
			try {
				smtp.messenger.send(smtp.message("c@example.org"));
				return true;
			}
			catch (MailDeliveryException ex) {
				return false;
			}
		});
		assertThat(connectionsWhilePaused).isEqualTo(1);
		assertThat(smtp.status.snapshot().paused()).isFalse();
		assertThat(server.receivedFor("c@example.org")).isEqualTo(1);
	}

	@Test
	void theSameRefusalForThreeDifferentRecipientsInARowIsTreatedAsARelayFault() {
		server.script(line -> line.startsWith("RCPT") ? "550 5.1.1 User unknown in virtual mailbox table" : null);
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(5), null);

		assertThat(send(smtp, "one@example.org").kind()).isEqualTo(Kind.ADDRESS_REFUSED);
		assertThat(send(smtp, "two@example.org").kind()).isEqualTo(Kind.ADDRESS_REFUSED);
		assertThat(send(smtp, "three@example.org").kind()).isEqualTo(Kind.RELAY_FAULT);
	}

	@Test
	void theEnvelopeSenderIsTheReturnPathAndTheMessageIdIsTheCallersOwn() throws Exception {
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(5), null);
		var message = smtp.message("ana@example.org");
		String messageId = message.getMessageID();

		smtp.messenger.send(message);

		ScriptedSmtpServer.Received received = server.received().getFirst();
		assertThat(received.mailFrom()).isEqualTo("bounces@example.org");
		assertThat(received.recipients()).containsExactly("ana@example.org");
		assertThat(received.data()).contains("Message-ID: " + messageId);
		assertThat(messageId).matches("<[0-9a-f-]{36}@example\\.org>");
	}

	private static MailDeliveryException send(SmtpTestSupport smtp, String to) {
		return catchThrowableOfType(MailDeliveryException.class, () -> smtp.messenger.send(smtp.message(to)));
	}

}
