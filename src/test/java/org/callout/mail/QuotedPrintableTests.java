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
