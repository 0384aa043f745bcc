package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** DATA's content as DataBytes writes it is byte for byte what Angus's SMTP stream writes, then the "." line. */
class DataBytesTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "x", "one line\r\n", "no final line break", "bare\nline\nfeeds\n", "bare\rreturns\r",
			"\r\n", "\n\n\r\r\r\n", ".", ".\r\n", "..", "\r\n.\r\n", "a\n.b\r.c\r\n.d", "...leading dots\r\n..", "mixed\r\r\n.\n\r.x",
			"ünïcödé ✓ 🙂 bytes\n.é" })
	void whatAngusWouldWriteForThisContent(String content) throws Exception {
		byte[] raw = content.getBytes(StandardCharsets.UTF_8);

		assertThat(dataBytes(raw)).isEqualTo(angus(raw));
	}

	@Test
	void aMessageLargerThanOnePieceIsWrittenWholeInOrder() throws Exception {
		byte[] raw = "A line of the message.\n.And one with a dot.\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

		assertThat(raw.length).isGreaterThan(3 * 64 * 1024);
		assertThat(dataBytes(raw)).isEqualTo(angus(raw));
	}

	@Test
	void aComposedMessageOfTenKilobytesIsWhatAngusWouldWrite() throws Exception {
		SmtpTestSupport smtp = new SmtpTestSupport(25, 1, Duration.ofSeconds(1), null);
		String text = ("Call your senator.\n.A line with a dot.\r\nUna línea en español, ¿verdad?\n").repeat(150);
		MimeMessage message = smtp.composer.compose(new org.callout.mail.OutgoingEmail(
				org.callout.platform.EmailAddress.parse("reader@example.org"), "Reader", "Subject", text, "<p>" + text + "</p>",
				java.util.Map.of(), smtp.composer.newMessageId(), smtp.composer.returnPath()));
		message.setHeader("Bcc", "hidden@example.org");
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		message.writeTo(written, new String[] { "Bcc", "Content-Length" }); // as Angus's sendMessage writes it

		ByteArrayOutputStream data = new ByteArrayOutputStream();
		DataBytes.write(message, data);

		assertThat(written.size()).isGreaterThan(10_000);
		assertThat(data.toString(StandardCharsets.US_ASCII)).doesNotContain("hidden@example.org");
		assertThat(data.toByteArray()).isEqualTo(angus(written.toByteArray()));
	}

	private static byte[] dataBytes(byte[] raw) throws Exception {
		MimeMessage message = new MimeMessage((Session) null) {
			@Override
			public void writeTo(OutputStream out, String[] ignored) throws IOException {
				out.write(raw);
			}
		};
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataBytes.write(message, out);
		return out.toByteArray();
	}

	/** Angus's DATA: the content through SMTPOutputStream, ensureAtBOL, then "." and CRLF (its finishData). */
	private static byte[] angus(byte[] raw) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SMTPOutputStream smtp = new SMTPOutputStream(out);
		smtp.write(raw);
		smtp.ensureAtBOL();
		out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

}
