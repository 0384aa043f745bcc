package org.callout.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.callout.platform.EmailAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

/** The composer writes its bodies itself: what it writes must be what Jakarta Mail writes for the same message. */
class MailComposerTests {

	private static final Session SESSION = Session.getInstance(new Properties());

	private final MailComposer composer = new MailComposer(SESSION, "NYCLU Acción", "action@nyclu.example",
			"replies@nyclu.example", "bounces@nyclu.example");

	@Test
	void aComposedMessageIsByteForByteWhatJakartaMailWritesForTheSameMessageButItsBoundaryAndDate() throws Exception {
		String[] subjects = { "Call today", "Llame hoy a su senadora sobre la ley Nueva York para Todos (S3076A / A2328A), ¡por favor!", "" };
		String text = "Hola Ana,\nLlame a: 518-455-2000\r\n.punto\rfin  \n" + "línea larga ".repeat(20) + "\n";
		String html = "<p>¡Llame hoy! 📞</p>\n<p style=\"x=y\">" + "palabra ".repeat(30) + "</p>";
		for (String subject : subjects) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("List-Unsubscribe", "<https://callout.example/u?t=abc>, <mailto:leave@nyclu.example?subject=unsubscribe>");
			headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			headers.put("List-Id", "=?UTF-8?Q?Simpatizantes?= <supporters.nyclu.example>");
			OutgoingEmail email = new OutgoingEmail(EmailAddress.parse("ana@example.org"), "Ana María", subject, text, html,
					headers, composer.newMessageId(), composer.returnPath());

			assertThat(normalized(write(composer.compose(email)))).as(subject).isEqualTo(normalized(write(reference(email))));
		}
	}

	@Test
	void theDateIsNowAndTheBodyReadsBackAsTheTwoParts() throws Exception {
		MimeMessage composed = composer.compose(new OutgoingEmail(EmailAddress.parse("bo@example.org"), null, "Hi", "plain\n",
				"<p>html</p>", Map.of(), composer.newMessageId(), composer.returnPath()));
		MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(write(composed)));

		assertThat(Duration.between(read.getSentDate().toInstant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
		Multipart parts = (Multipart) read.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("plain\r\n");
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>html</p>");
		// Read through Jakarta Mail's own API, the prepared message is the same message.
		assertThat(((Multipart) composed.getContent()).getBodyPart(1).getContent()).isEqualTo("<p>html</p>");
	}

	@Test
	void subjectsAreFoldedAsJakartaMailFoldsThem() throws Exception {
		java.util.Random random = new java.util.Random(76);
		String[] words = { "Call", "today", "¡Llame", "hoy!", "S3076A/A2328A", "a", "", "\t", "palabra-muy-larga-sin-espacios-".repeat(4) };
		for (int i = 0; i < 3000; i++) {
			StringBuilder subject = new StringBuilder();
			for (int n = random.nextInt(30); n > 0; n--) {
				subject.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? "  " : " ");
			}
			String encoded = jakarta.mail.internet.MimeUtility.encodeText(subject.toString(), "UTF-8", null);
			assertThat(Subjects.fold(encoded)).as(encoded).isEqualTo(jakarta.mail.internet.MimeUtility.fold(9, encoded));
		}
	}

	@Test
	void aMessageWithoutASubjectHasNoSubjectHeader() throws Exception {
		MimeMessage composed = composer.compose(new OutgoingEmail(EmailAddress.parse("bo@example.org"), null, null, "t", "<p>h</p>",
				Map.of(), composer.newMessageId(), composer.returnPath()));

		assertThat(composed.getHeader("Subject")).isNull();
		assertThat(new String(write(composed), StandardCharsets.US_ASCII)).doesNotContain("Subject:");
	}

	@Test
	void boundariesDifferFromMessageToMessage() {
		assertThat(MimeBody.boundary()).startsWith("=_callout_").isNotEqualTo(MimeBody.boundary());
	}

	/** The same message built the ordinary way: setSubject, setSentDate, MimeMultipart and text parts. */
	private MimeMessage reference(OutgoingEmail email) throws Exception {
		SMTPMessage message = new SMTPMessage(SESSION) {
			@Override
			protected void updateMessageID() {
			}
		};
		message.setEnvelopeFrom(email.returnPath().value());
		message.setHeader("Message-ID", email.messageId());
		message.setFrom(new InternetAddress("action@nyclu.example", "NYCLU Acción", "UTF-8"));
		message.setReplyTo(new InternetAddress[] { new InternetAddress("replies@nyclu.example") });
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.to().value(), email.toName(), "UTF-8"));
		message.setSubject(email.subject(), "UTF-8");
		message.setSentDate(new java.util.Date());
		email.headers().forEach((name, value) -> {
			try {
				message.setHeader(name, value);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(part(email.text(), "plain"));
		alternative.addBodyPart(part(email.html(), "html"));
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	private static MimeBodyPart part(String content, String subtype) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(content.replaceAll("\r\n|\r|\n", "\r\n"), "UTF-8", subtype);
		part.setHeader("Content-Transfer-Encoding", "quoted-printable");
		return part;
	}

	private static byte[] write(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

	private static String normalized(byte[] message) {
		String text = new String(message, StandardCharsets.US_ASCII);
		Matcher boundary = BOUNDARY.matcher(text);
		assertThat(boundary.find()).as("a boundary in %s", text).isTrue();
		return text.replace(boundary.group(1), "BOUNDARY").replaceAll("(?m)^Date: [^\r\n]*\r\n", "");
	}

}
