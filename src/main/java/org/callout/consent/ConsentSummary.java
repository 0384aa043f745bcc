package org.callout.consent;

import java.time.Instant;

/**
 * A subscriber's consent in one line, across their lists, for exports: the latest grant (when, in which terms
 * version, through which source), the latest confirmation and the latest withdrawal or "this wasn't me".
 * Each field is null where the ledger holds no such event.
 */
public record ConsentSummary(Instant grantedAt, String termsVersion, String source, Instant confirmedAt, Instant withdrawnAt) {

	static final ConsentSummary NONE = new ConsentSummary(null, null, null, null, null);

	ConsentSummary with(ConsentKind kind, Instant at, String terms, String by) {
		return switch (kind) {
			case GRANTED -> new ConsentSummary(at, terms, by, confirmedAt, withdrawnAt);
			case CONFIRMED -> new ConsentSummary(grantedAt, termsVersion, source, at, withdrawnAt);
			case WITHDRAWN, REPORTED_NOT_ME -> new ConsentSummary(grantedAt, termsVersion, source, confirmedAt, at);
		};
	}

}
