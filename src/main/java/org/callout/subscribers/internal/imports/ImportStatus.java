package org.callout.subscribers.internal.imports;

import java.time.Instant;

/**
 * An import's progress row, as {@code GET /api/v1/subscribers/imports/{id}} shows it.
 *
 * @param id the import
 * @param status running, done, failed or interrupted
 * @param dryRun whether it only showed what would happen
 * @param update the update mode
 * @param list the default list's slug
 * @param total data rows in the file
 * @param done rows handled so far
 * @param counts rows per outcome so far
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while running
 */
public record ImportStatus(long id, String status, boolean dryRun, String update, String list, int total, int done, Counts counts,
		Instant startedAt, Instant finishedAt) {

	/** The API's names for a {@link Tally}. */
	public record Counts(@com.fasterxml.jackson.annotation.JsonProperty("new") int created, int updated, int unchanged, int skipped,
			int refused) {
	}

}
