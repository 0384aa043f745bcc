package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MailComposer;
import org.callout.mail.MailProperties;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.EmailAddress;
import org.callout.support.ScriptedSmtpServer;
import org.callout.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS over one of RelaySocketFactory's connections, from the first byte (port 465's kind) and after STARTTLS (587's):
 * Angus layers the JVM's TLS over it, so the write watchdog, TCP_NODELAY and corking hold under TLS too. GreenMail's
 * SMTPS (no PIPELINING) and the scripted server (PIPELINING; TLS at once or after STARTTLS), both with GreenMail's
 * self-signed certificate, trusted by name and without the host-name check for the test alone.
 */
class RelayTlsTests {

	static final int PORT = ServiceProcess.freePort();

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));

	@Test
	void aMessageSentOverTlsArrivesAndTheConnectionUnderTheTlsIsOneOfOurs() throws Exception {
		PipeliningTransport transport = connected(PORT);
		transport.sendMessage(message(), message().getAllRecipients());
		boolean ssl = transport.isSSL();
		boolean ours = transport.onRelaySocket();
		transport.close();

		assertThat(ssl).isTrue();
		assertThat(ours).isTrue();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("Over TLS");
	}

	@Test
	void aRelayOfferingPipeliningOverTlsGetsPipelinedSendsAndTheMessagesWhole() throws Exception {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.startTls()) {
			PipeliningTransport transport = connected(relay.port());
			for (int i = 0; i < 3; i++) {
				MimeMessage message = message();
				transport.sendMessage(message, message.getAllRecipients());
			}
			long pipelined = transport.pipelinedSends();
			transport.close();

			// The server cannot see TLS records waiting behind the one it decrypted (it does for plain TCP), so the client says.
			assertThat(pipelined).isEqualTo(3);
			assertThat(relay.received()).hasSize(3).allSatisfy(received -> {
				assertThat(received.recipients()).containsExactly("reader@example.org");
				assertThat(received.data()).contains("Subject: Over TLS").contains("\r\n.a dotted line\r\n");
			});
		}
	}

	@Test
	void startTlsLayersTlsOverOurConnectionAndThePipelinedMessagesArriveWhole() throws Exception {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start().offerStartTls()) {
			PipeliningTransport transport = connected(relay.port(), MailProperties.Security.STARTTLS);
			for (int i = 0; i < 3; i++) {
				MimeMessage message = message();
				transport.sendMessage(message, message.getAllRecipients());
			}
			boolean ssl = transport.isSSL();
			boolean ours = transport.onRelaySocket();
			long pipelined = transport.pipelinedSends();
			transport.close();

			assertThat(relay.startedTls()).isEqualTo(1);
			assertThat(ssl).isTrue();
			assertThat(ours).isTrue();
			assertThat(pipelined).isEqualTo(3);
			assertThat(relay.received()).hasSize(3)
				.allSatisfy(received -> assertThat(received.data()).contains("\r\n.a dotted line\r\n"));
		}
	}

	@Test
	void startTlsRequiredFailsToConnectToARelayThatDoesNotOfferIt() {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			assertThatThrownBy(() -> connected(relay.port(), MailProperties.Security.STARTTLS))
				.isInstanceOf(jakarta.mail.MessagingException.class)
				.hasMessageContaining("STARTTLS");
		}
	}

	private static PipeliningTransport connected(int port) throws Exception {
		return connected(port, MailProperties.Security.TLS);
	}

	private static PipeliningTransport connected(int port, MailProperties.Security security) throws Exception {
		MailProperties.Smtp smtp = new MailProperties.Smtp("127.0.0.1", port, security, null, null,
				Duration.ofSeconds(5), Duration.ofSeconds(10), 1, Duration.ofSeconds(5));
		Properties properties = SmtpSessionProperties.of(smtp, "example.org");
		properties.put("mail.smtp.ssl.trust", "127.0.0.1"); // GreenMail's certificate is its own
		properties.put("mail.smtp.ssl.checkserveridentity", "false");
		PipeliningTransport transport = new PipeliningTransport(Session.getInstance(properties),
				new URLName("smtp", "127.0.0.1", port, null, null, null));
		transport.connect("127.0.0.1", port, null, null);
		return transport;
	}

	private static MimeMessage message() {
		MailComposer composer = new MailComposer(Session.getInstance(new Properties()), "Callout Tests", "action@example.org",
				null, "bounces@example.org");
		return composer.compose(new OutgoingEmail(EmailAddress.parse("reader@example.org"), null, "Over TLS",
				"text\n.a dotted line\nend", "<p>html</p>", Map.of(), composer.newMessageId(), composer.returnPath()));
	}

}
