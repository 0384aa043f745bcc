package org.callout.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

/** The fast encoder writes exactly what Jakarta Mail's own quoted-printable stream writes. */
class QuotedPrintableTests {

	@Test
	void textsOfEveryKindAreEncodedByteForByteAsJakartaMailEncodesThem() throws Exception {
		String[] texts = { "", " ", "a ", "a \r\nb", "tab\there\t\r\n", "= sign = ", "Ñandú, ¿qué tal?\r\n",
				"x".repeat(75) + "\r\n" + "y".repeat(76) + "\r\n" + "z".repeat(300), "é".repeat(40), "\r\r\n\n\r",
				"emoji 📞 call ☎ now", ".dot at start\r\n.\r\n", "<p style=\"a:b\">{{name}}</p>" };
		for (String text : texts) {
			assertThat(QuotedPrintable.encode(bytes(text))).as(text).isEqualTo(reference(bytes(text)));
		}
		Random random = new Random(19);
		for (int i = 0; i < 2000; i++) {
			byte[] in = new byte[random.nextInt(400)];
			for (int j = 0; j < in.length; j++) {
				// Mostly printable with spaces, line breaks and high bytes mixed in, where the rules meet.
				int pick = random.nextInt(10);
				in[j] = (byte) (pick < 6 ? 'a' + random.nextInt(26) : pick == 6 ? ' ' : pick == 7 ? '\r' : pick == 8 ? '\n' : random.nextInt(256));
			}
			assertThat(QuotedPrintable.encode(in)).isEqualTo(reference(in));
		}
	}

	@Test
	void aStringIsEncodedAsItsUtf8BytesWithEveryLineBreakMadeCrlf() throws Exception {
		String[] texts = { "", " ", "a \nb", "a\rb\r\nc\n", "\n\r\r\n\n\r", "trailing  \n", "Ñandú ¿qué? €", "emoji 📞 call ☎",
				"lone \ud83d surrogate", "low \udc00 first", "end high \ud83d", "x".repeat(80) + " \n" + "é".repeat(30) };
		for (String text : texts) {
			assertThat(new QuotedPrintable(4).text(text).toByteArray()).as(text).isEqualTo(reference(bytes(crlf(text))));
		}
		Random random = new Random(21);
		char[] alphabet = { 'a', 'b', ' ', ' ', '\r', '\n', '=', '\t', 'é', 'ñ', '€', '\ud83d', '\udcde', '.' };
		for (int i = 0; i < 2000; i++) {
			StringBuilder text = new StringBuilder();
			for (int j = random.nextInt(300); j > 0; j--) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			assertThat(new QuotedPrintable(8).text(text).toByteArray()).as(text.toString())
				.isEqualTo(reference(bytes(crlf(text.toString()))));
		}
	}

	@Test
	void partsEncodedOneAfterAnotherStartEachOnAFreshLine() {
		byte[] both = new QuotedPrintable(8).text("a".repeat(70)).ascii("\r\n--b\r\n").text("c".repeat(70)).toByteArray();
		assertThat(new String(both, StandardCharsets.US_ASCII)).isEqualTo("a".repeat(70) + "\r\n--b\r\n" + "c".repeat(70));
	}

	/** Every line break as CRLF, the way a reader of the raw message expects it: what the encoder must write. */
	private static String crlf(String text) {
		return text.replaceAll("\r\n|\r|\n", "\r\n");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] reference(byte[] in) throws Exception {
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		try (OutputStream encoder = MimeUtility.encode(encoded, "quoted-printable")) {
			encoder.write(in);
		}
		return encoded.toByteArray();
	}

}
