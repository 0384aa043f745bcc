package org.callout.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable encoding (RFC 2045) into a byte array, byte for byte what Angus's {@code QPEncoderStream} writes
 * (a test holds the two to it). That stream takes one byte per call through a synchronized sink: a third of a blast's
 * sending CPU at 10 KB a message; this is a loop over an array. {@link #text} encodes a string's UTF-8 bytes as it
 * reads its characters, so a message body is never copied into bytes, line-fixed or encoded apart: every line
 * break (CR, LF or CRLF) is written CRLF, as the encoding itself requires.
 */
final class QuotedPrintable {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	// 76 characters a line, the soft break's "=" included.
	private static final int PER_LINE = 75;

	private byte[] out;

	private int size;

	private int column;

	// A space waits for the next byte: before a line break it must be encoded, or transit would take it away.
	private boolean space;

	private boolean cr;

	QuotedPrintable(int capacity) {
		this.out = new byte[Math.max(capacity, 16)];
	}

	static byte[] encode(byte[] in) {
		QuotedPrintable encoder = new QuotedPrintable(in.length + in.length / 8 + 16);
		encoder.start();
		for (byte b : in) {
			encoder.next(b & 0xff);
		}
		encoder.end();
		return encoder.toByteArray();
	}

	/** Appends the text's UTF-8 bytes, encoded; a lone surrogate becomes {@code ?}, as {@code String.getBytes} makes it. */
	QuotedPrintable text(CharSequence text) {
		room(text.length() + text.length() / 8 + 16);
		start();
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c > ' ' && c < 0177 && c != '=') {
				// Most of a message: printable ASCII, written as it is. next() would do the same through four branches more, and
				// put() here too was 8 % slower (58.5 against 54 µs for 17 448 characters, alternated in one JVM).
				if (space) {
					put(' ', false);
					space = false;
				}
				if (size + 4 > out.length) {
					room(4);
				}
				if (++column > PER_LINE) {
					out[size++] = '=';
					out[size++] = '\r';
					out[size++] = '\n';
					column = 1;
				}
				out[size++] = (byte) c;
				cr = false;
			}
			else if (c < 0x80) {
				next(c);
			}
			else if (c < 0x800) {
				next(0xc0 | (c >> 6));
				next(0x80 | (c & 0x3f));
			}
			else if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					int cp = Character.toCodePoint(c, text.charAt(++i));
					next(0xf0 | (cp >> 18));
					next(0x80 | ((cp >> 12) & 0x3f));
					next(0x80 | ((cp >> 6) & 0x3f));
					next(0x80 | (cp & 0x3f));
				}
				else {
					next('?');
				}
			}
			else {
				next(0xe0 | (c >> 12));
				next(0x80 | ((c >> 6) & 0x3f));
				next(0x80 | (c & 0x3f));
			}
		}
		end();
		return this;
	}

	/** Appends US-ASCII as it is (MIME headers, boundaries): the caller knows it needs no encoding. */
	QuotedPrintable ascii(String ascii) {
		room(ascii.length());
		for (int i = 0; i < ascii.length(); i++) {
			out[size++] = (byte) ascii.charAt(i);
		}
		return this;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(out, size);
	}

	private void start() {
		column = 0;
		space = false;
		cr = false;
	}

	private void next(int c) {
		if (space) {
			put(' ', c == '\r' || c == '\n');
			space = false;
		}
		if (c == '\r') {
			cr = true;
			lineBreak();
			return;
		}
		if (c == '\n') {
			if (!cr) {
				lineBreak();
			}
		}
		else if (c == ' ') {
			space = true;
		}
		else {
			put(c, c < 040 || c >= 0177 || c == '=');
		}
		cr = false;
	}

	private void end() {
		if (space) {
			put(' ', true);
			space = false;
		}
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
