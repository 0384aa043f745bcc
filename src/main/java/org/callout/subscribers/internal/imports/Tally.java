package org.callout.subscribers.internal.imports;

import java.util.Collection;

/**
 * Rows per outcome.
 *
 * @param created new people ({@code new} in the API)
 * @param updated people on file whose details or memberships changed
 * @param unchanged people on file the row changed nothing for
 * @param skipped rows the person's own choice overrode (unsubscribed, not me, suppressed)
 * @param refused rows in error
 */
record Tally(int created, int updated, int unchanged, int skipped, int refused) {

	static final Tally NONE = new Tally(0, 0, 0, 0, 0);

	static Tally of(Collection<RowResult> results) {
		int[] n = new int[5];
		results.forEach(r -> n[r.outcome().ordinal()]++);
		return new Tally(n[0], n[1], n[2], n[3], n[4]);
	}

	Tally plus(Tally other) {
		return new Tally(created + other.created, updated + other.updated, unchanged + other.unchanged,
				skipped + other.skipped, refused + other.refused);
	}

	int rows() {
		return created + updated + unchanged + skipped + refused;
	}

}
