package org.callout.mail;

import java.util.Arrays;

/**
 * Quoted-printable encoding (RFC 2045) into a byte array, byte for byte what Angus's {@code QPEncoderStream} writes
 * (a test holds the two to it). That stream takes one byte per call through a synchronized sink: a third of a blast's
 * sending CPU at 10 KB a message; this is a loop over an array.
 */
final class QuotedPrintable {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	// 76 characters a line, the soft break's "=" included.
	private static final int PER_LINE = 75;

	private byte[] out;

	private int size;

	private int column;

	private QuotedPrintable(int capacity) {
		this.out = new byte[capacity];
	}

	static byte[] encode(byte[] in) {
		QuotedPrintable encoder = new QuotedPrintable(in.length + in.length / 8 + 16);
		boolean space = false;
		boolean cr = false;
		for (byte b : in) {
			int c = b & 0xff;
			if (space) {
				// A space before a line break would be taken away in transit: encoded there.
				encoder.put(' ', c == '\r' || c == '\n');
				space = false;
			}
			if (c == '\r') {
				cr = true;
				encoder.lineBreak();
				continue;
			}
			if (c == '\n') {
				if (!cr) {
					encoder.lineBreak();
				}
			}
			else if (c == ' ') {
				space = true;
			}
			else {
				encoder.put(c, c < 040 || c >= 0177 || c == '=');
			}
			cr = false;
		}
		if (space) {
			encoder.put(' ', true);
		}
		return Arrays.copyOf(encoder.out, encoder.size);
	}

	private void lineBreak() {
		room(2);
		out[size++] = '\r';
		out[size++] = '\n';
		column = 0;
	}

	private void put(int c, boolean encoded) {
		int width = encoded ? 3 : 1;
		room(width + 3);
		if ((column += width) > PER_LINE) {
			out[size++] = '=';
			out[size++] = '\r';
			out[size++] = '\n';
			column = width;
		}
		if (encoded) {
			out[size++] = '=';
			out[size++] = HEX[c >> 4];
			out[size++] = HEX[c & 0xf];
		}
		else {
			out[size++] = (byte) c;
		}
	}

	private void room(int more) {
		if (size + more > out.length) {
			out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
		}
	}

}
