package org.callout.subscribers.internal.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Counts an import body as it streams and refuses it with 413 once past the limit: a body of unknown length
 * (chunked, or a multipart file) cannot be refused before it is read, and must not be read whole to find out.
 */
final class LimitedBody extends FilterInputStream {

	private final long limit;

	private long read;

	LimitedBody(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		count(b < 0 ? 0 : 1);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		count(Math.max(n, 0));
		return n;
	}

	private void count(int n) {
		read += n;
		if (read > limit) {
			throw tooLarge(limit);
		}
	}

	static RequestRefusedException tooLarge(long limit) {
		return (RequestRefusedException) RequestRefusedException.of(HttpStatus.CONTENT_TOO_LARGE, "File too large",
				"Import files are limited to " + limit + " bytes (callout.subscribers.imports.max-file-size); split the file.")
			.header("Connection", "close");
	}

}
