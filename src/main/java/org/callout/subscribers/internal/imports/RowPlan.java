package org.callout.subscribers.internal.imports;

import java.util.List;

/**
 * What an import does with one valid row: planned from the database as it is, the same for a dry and a real run.
 *
 * @param row the row
 * @param result what the API reports for it
 * @param hash the address's keyed hash
 * @param subscriberId the subscriber on file, or null for a new one
 * @param details the details to store (a new person's, or changed ones), or null to leave them
 * @param language the language the person is addressed in (their events and confirmation email)
 * @param actions what happens to each list
 * @param lookUp whether the person's districts become due (confirmed, and a new or changed ZIP or street)
 */
record RowPlan(ImportRow row, RowResult result, String hash, Long subscriberId, ImportDataStore.Details details,
		String language, List<ListAction> actions, boolean lookUp) {

	/**
	 * @param listId the list
	 * @param kind what happens to the person's membership of it
	 */
	record ListAction(long listId, Kind kind) {
	}

	enum Kind {

		/** A new membership, CONFIRMED on the file's evidence. */
		JOIN_CONFIRMED,
		/** A new membership, UNCONFIRMED: the person may be asked to confirm. */
		JOIN_UNCONFIRMED,
		/** A pending membership confirmed on the file's evidence. */
		CONFIRM

	}

}
