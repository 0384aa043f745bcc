package org.callout.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.callout.platform.EmailAddress;
import org.callout.support.H2Database;
import org.callout.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sends through a real SMTP server on loopback (GreenMail) and looks at what arrived. */
@SpringBootTest(properties = { "callout.mail.transport=smtp", "callout.mail.smtp.host=127.0.0.1",
		"callout.mail.reply-to=replies@example.org" })
@H2Database
class SmtpTransportTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("callout.mail.smtp.port", () -> TestSmtp.PORT);
	}

	@Autowired
	MailComposer composer;

	@Autowired
	Messenger messenger;

	@Test
	void aComposedEmailArrivesAsMultipartAlternativeWithItsHeaders() throws Exception {
		messenger.send(composer.compose(new OutgoingEmail(EmailAddress.parse("ana@example.org"), "Ana Pérez",
				"Hola, ¿qué tal?", "plain body", "<p>html body</p>", Map.of("List-Id", "<news.example.org>"), composer.newMessageId(), composer.returnPath())));

		MimeMessage received = greenMail.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("Hola, ¿qué tal?");
		assertThat(received.getHeader("From")[0]).contains("action@example.org");
		assertThat(received.getHeader("Reply-To")[0]).isEqualTo("replies@example.org");
		assertThat(received.getHeader("List-Id")[0]).isEqualTo("<news.example.org>");
		assertThat(received.getMessageID()).matches("<[0-9a-f-]{36}@example\\.org>");
		assertThat(received.getSentDate()).isNotNull();
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(0).getContent().toString()).contains("plain body");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
	}

	@Test
	void eachPartArrivesQuotedPrintableAndDecodesToItsTextWithEveryLineEndingMadeCrlf() throws Exception {
		String longLine = "Llame a su senadora: ".repeat(12) + "ñ";
		String text = "Hola, ¿qué tal?\nLínea dos\r\n.una línea que empieza con punto\rfin\n" + longLine + "\n\n";
		String html = "<p>¡Llame hoy!</p>\n<p>" + longLine + "</p>";
		messenger.send(composer.compose(new OutgoingEmail(EmailAddress.parse("ana@example.org"), "Ana", "Hola", text, html,
				Map.of(), composer.newMessageId(), composer.returnPath())));

		Multipart parts = (Multipart) greenMail.getReceivedMessages()[0].getContent();
		assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo(
				"Hola, ¿qué tal?\r\nLínea dos\r\n.una línea que empieza con punto\r\nfin\r\n" + longLine + "\r\n\r\n");
		assertThat(parts.getBodyPart(1).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>¡Llame hoy!</p>\r\n<p>" + longLine + "</p>");
	}

	@Test
	void headerValuesAreStrippedOfLineBreaksSoInputCannotAddHeaders() throws Exception {
		messenger.send(composer.compose(new OutgoingEmail(EmailAddress.parse("bob@example.org"),
				"Bob\r\nBcc: eve@example.org", "Subject\r\nBcc: eve@example.org", "t", "<p>h</p>", Map.of(), composer.newMessageId(), composer.returnPath())));

		MimeMessage received = greenMail.getReceivedMessages()[0];
		assertThat(received.getHeader("Bcc")).isNull();
		assertThat(received.getSubject()).isEqualTo("Subject Bcc: eve@example.org");
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("\"Bob Bcc: eve@example.org\" <bob@example.org>");
	}

	@Test
	void manyMessagesSentInARowOverPooledConnectionsAllArrive() throws Exception {
		for (int i = 0; i < 50; i++) {
			messenger.send(composer.compose(new OutgoingEmail(EmailAddress.parse("reader" + i + "@example.org"), null,
					"Message " + i, "t", "<p>h</p>", Map.of(), composer.newMessageId(), composer.returnPath())));
		}

		assertThat(greenMail.getReceivedMessages()).hasSize(50);
	}

}
