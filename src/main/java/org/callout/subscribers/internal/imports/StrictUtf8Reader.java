package org.callout.subscribers.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 as it streams, refusing the first malformed sequence with where it is: the line (counting
 * line feeds before it) and the byte offset in the file. A plain InputStreamReader reads ahead by blocks, so its
 * error says nothing of where the broken bytes are.
 */
final class StrictUtf8Reader extends Reader {

	/** Broken UTF-8, with its position. */
	static final class Malformed extends CharacterCodingException {

		final long line;

		final long offset;

		Malformed(long line, long offset) {
			this.line = line;
			this.offset = offset;
		}

	}

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();

	private long consumed;

	private long line = 1;

	private boolean eof;

	StrictUtf8Reader(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(target, offset, length);
		while (out.position() == offset) {
			if (!bytes.hasRemaining() || !eof && bytes.remaining() < 4) {
				if (!fill() && !bytes.hasRemaining()) {
					return -1;
				}
			}
			int before = bytes.position();
			CoderResult result = decoder.decode(bytes, out, eof);
			consumed += bytes.position() - before;
			if (result.isError()) {
				countLines(target, offset, out.position());
				throw new Malformed(line, consumed);
			}
			if (eof && !bytes.hasRemaining() && out.position() == offset) {
				return -1;
			}
		}
		countLines(target, offset, out.position());
		return out.position() - offset;
	}

	private boolean fill() throws IOException {
		bytes.compact();
		int n = eof ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (n < 0) {
			eof = true;
		}
		else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
		return n > 0;
	}

	private void countLines(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			if (chars[i] == '\n') {
				line++;
			}
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
