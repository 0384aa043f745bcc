package org.callout.platform;

/**
 * Cells a spreadsheet may open. A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a line
 * break is a formula to Excel, LibreOffice and Google Sheets ({@code =HYPERLINK(...)} sends whoever clicks it
 * anywhere; DDE once ran commands). Such a cell is written with a leading apostrophe, which spreadsheets show as
 * text and hide, as OWASP's CSV-injection advice says; the value is otherwise unchanged. The same rule as the
 * subscriber export's, here for every module's CSV.
 */
public final class CsvCells {

	private CsvCells() {
	}

	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + value;
			default -> value;
		};
	}

}
