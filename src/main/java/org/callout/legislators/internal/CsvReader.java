package org.callout.legislators.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks (OpenStates' CSV
 * quotes office addresses). Each record knows the line it started on, so errors can name it.
 */
final class CsvReader {

	record Row(int line, List<String> fields) {
	}

	private final Reader in;

	private final char delimiter;

	private int line = 1;

	private int pushedBack = -2;

	private boolean started;

	CsvReader(Reader in, char delimiter) {
		this.in = in;
		this.delimiter = delimiter;
	}

	/** The next record, or null at the end. A leading byte-order mark is skipped. */
	Row next() throws IOException {
		int c = read();
		if (!started && c == '\uFEFF') {
			c = read();
		}
		started = true;
		while (c == '\r' || c == '\n') {
			endOfLine(c);
			c = read();
		}
		if (c == -1) {
			return null;
		}
		int start = line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		while (true) {
			if (quoted) {
				if (c == -1) {
					throw new IOException("line " + start + ": a quoted field never ends");
				}
				if (c == '"') {
					int after = read();
					if (after == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						c = after;
						continue;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == delimiter) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' || c == '\n' || c == -1) {
				fields.add(field.toString());
				if (c != -1) {
					endOfLine(c);
				}
				return new Row(start, fields);
			}
			else {
				field.append((char) c);
			}
			c = read();
		}
	}

	/** Counts a line break; a CR followed by LF is one. */
	private void endOfLine(int c) throws IOException {
		line++;
		if (c == '\r') {
			int after = read();
			if (after != '\n') {
				pushedBack = after;
			}
		}
	}

	private int read() throws IOException {
		if (pushedBack != -2) {
			int c = pushedBack;
			pushedBack = -2;
			return c;
		}
		return in.read();
	}

}
