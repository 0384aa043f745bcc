package org.callout.subscribers.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Reads an import file as it streams in (never the whole body into one string): RFC 4180 CSV in UTF-8 (a BOM
 * is skipped), CRLF or LF, quoted fields with commas, quotes and line breaks. A file that is not that (binary,
 * broken UTF-8, a quote never closed, no header, no email column, no rows) is refused whole, before anything
 * is written; a row that is wrong is refused alone and the others go on.
 */
final class ImportFileReader {

	/** What a file holds: its valid rows (one per address, the first), the refused ones, its unknown columns. */
	record ParsedFile(List<ImportRow> rows, List<RowResult> refused, List<String> unknownColumns, int total) {
	}

	/** Validates a row once the header is known. */
	interface Validators {

		RowValidator forColumns(Columns columns);

	}

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	private ImportFileReader() {
	}

	static ParsedFile read(InputStream body, Validators validators) {
		// Broken UTF-8 refuses the whole file (REPORT), naming the row it is in: decoding with replacement
		// characters would store names the organizer never typed, and silently.
		Reader reader = new StrictUtf8Reader(body);
		try (CSVParser parser = CSVParser.parse(skipBom(reader), FORMAT)) {
			return read(parser, validators);
		}
		catch (IOException ex) {
			throw unreadable(ex, 0);
		}
	}

	private static ParsedFile read(CSVParser parser, Validators validators) {
		Iterator<CSVRecord> records = parser.iterator();
		if (!next(records, parser)) {
			throw refuse("Empty file", "The file is empty: it needs a header row naming its columns (email at least), then one row per person.");
		}
		List<String> header = records.next().toList();
		checkText(header, 1);
		Columns columns = Columns.of(header);
		if (!columns.has(Columns.EMAIL)) {
			throw refuse("No email column", "The header row has no 'email' column (columns are found by name, in any order).");
		}
		RowValidator validator = validators.forColumns(columns);
		List<ImportRow> rows = new ArrayList<>();
		List<RowResult> refused = new ArrayList<>();
		Map<String, Integer> firstRowOf = new HashMap<>();
		int total = 0;
		while (next(records, parser)) {
			CSVRecord record = records.next();
			int row = (int) record.getRecordNumber();
			List<String> cells = record.toList();
			checkText(cells, row);
			total++;
			String email = columns.cell(cells, Columns.EMAIL);
			try {
				ImportRow valid = validator.validate(row, cells);
				Integer first = firstRowOf.putIfAbsent(valid.email().matchKey(), row);
				if (first != null) {
					refused.add(RowResult.refused(row, email, "email", "duplicate of row " + first));
				}
				else {
					rows.add(valid);
				}
			}
			catch (RowValidator.Refusal ex) {
				refused.add(RowResult.refused(row, email, ex.column, ex.getMessage()));
			}
		}
		if (total == 0) {
			throw refuse("No rows", "The file has a header row but no rows below it.");
		}
		return new ParsedFile(rows, refused, columns.unknown(), total);
	}

	/** Advances, turning a decoding or CSV syntax error into a refusal of the file naming the row. */
	private static boolean next(Iterator<CSVRecord> records, CSVParser parser) {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw unreadable(ex, parser.getRecordNumber() + 1);
		}
	}

	/** Broken UTF-8 or CSV refuses the file; any other failure to read (the client went away) is not the file's fault. */
	private static RuntimeException unreadable(Exception ex, long row) {
		String where = row > 0 ? " (at row " + row + ")" : "";
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StrictUtf8Reader.Malformed malformed) {
				return refuse("Not UTF-8", "The file is not valid UTF-8: line " + malformed.line + ", byte " + malformed.offset
						+ ". Save it as \"CSV UTF-8\" and send it again.");
			}
			if (cause instanceof CSVException) {
				return refuse("Not CSV", "The file is not valid CSV" + where + ": a quoted field is left open, or a quote "
						+ "stands inside an unquoted field.");
			}
		}
		return ex instanceof UncheckedIOException unchecked ? unchecked
				: ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
	}

	/**
	 * A NUL means binary content (an .xlsx, an image): no text has one. Other control characters are left to the
	 * typed-text rules, which turn them into spaces, as a signup's.
	 */
	private static void checkText(List<String> cells, long row) {
		for (String cell : cells) {
			if (cell.indexOf('\0') >= 0) {
				throw refuse("Not CSV", "The file holds binary data (a NUL byte at row " + row
						+ "): it must be CSV text, such as a spreadsheet saved as \"CSV UTF-8\".");
			}
		}
	}

	private static Reader skipBom(Reader reader) throws IOException {
		java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
		int first = pushback.read();
		if (first >= 0 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	static RequestRefusedException refuse(String title, String detail) {
		return RequestRefusedException.of(HttpStatus.BAD_REQUEST, title, detail);
	}

}
