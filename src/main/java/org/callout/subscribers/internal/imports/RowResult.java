package org.callout.subscribers.internal.imports;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an import did, or would do, with one row.
 *
 * @param row the row number (the header is row 1)
 * @param email the address as the file has it
 * @param outcome new, updated, unchanged, skipped or refused
 * @param reason why it was skipped or refused
 * @param column the column a refusal is about, if one
 * @param skippedLists lists of an otherwise imported row left alone, because the person left them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RowResult(int row, String email, Outcome outcome, String reason, String column, List<String> skippedLists) {

	static RowResult refused(int row, String email, String column, String reason) {
		return new RowResult(row, email, Outcome.REFUSED, reason, column, List.of());
	}

	static RowResult skipped(int row, String email, String reason) {
		return new RowResult(row, email, Outcome.SKIPPED, reason, null, List.of());
	}

	/** Plain new and unchanged rows are left out of a response unless every row is asked for. */
	boolean plain() {
		return (outcome == Outcome.NEW || outcome == Outcome.UNCHANGED) && skippedLists.isEmpty();
	}

	/** Shown in lower case. */
	public enum Outcome {

		NEW, UPDATED, UNCHANGED, SKIPPED, REFUSED;

		@JsonValue
		String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
