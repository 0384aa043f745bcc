package org.callout.consent.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the ledger's one allowed change: an erasure clears the fields that identify a person besides their
 * address, after recording that it did. The database triggers (migration V86) refuse the UPDATE without that
 * record, and any UPDATE that touches another column.
 */
@Repository
public class ConsentErasureStore {

	// Counted before the UPDATE so the record says how many events lost their personal fields; the record must
	// exist before the UPDATE, since the triggers look for it.
	private static final String COUNT_READABLE = """
			SELECT COUNT(*) FROM consent_events
			WHERE address_hash = :hash
			  AND (ip_address IS NOT NULL OR user_agent IS NOT NULL OR page_url IS NOT NULL OR evidence_source IS NOT NULL)""";

	private static final String RECORD = """
			INSERT INTO consent_erasures (address_hash, events, erased_at) VALUES (:hash, :events, :at)""";

	// Exactly the statement the triggers allow: the four personal fields to NULL, nothing else. Rows already cleared are
	// left out, so a second erasure changes no row.
	private static final String CLEAR = """
			UPDATE consent_events SET ip_address = NULL, user_agent = NULL, page_url = NULL, evidence_source = NULL
			WHERE address_hash = :hash
			  AND (ip_address IS NOT NULL OR user_agent IS NOT NULL OR page_url IS NOT NULL OR evidence_source IS NOT NULL)""";

	// The latest erasure counts: a person who was erased, came back and confirmed, and was erased again, is erased.
	private static final String ERASED_SINCE_CONFIRMED = """
			SELECT COUNT(*) FROM consent_erasures e
			WHERE e.address_hash = :hash
			  AND NOT EXISTS (SELECT 1 FROM consent_events c WHERE c.address_hash = e.address_hash AND c.kind = 'CONFIRMED'
			                  AND c.occurred_at > e.erased_at)""";

	private final JdbcClient jdbc;

	ConsentErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the address was erased and has not confirmed a signup of its own since. */
	public boolean erasedSinceConfirmed(String addressHash) {
		return jdbc.sql(ERASED_SINCE_CONFIRMED).param("hash", addressHash).query(Long.class).single() > 0;
	}

	/** Records the erasure and clears the events' personal fields; returns how many events were cleared. */
	int erase(String addressHash, Instant now) {
		long readable = jdbc.sql(COUNT_READABLE).param("hash", addressHash).query(Long.class).single();
		jdbc.sql(RECORD)
			.param("hash", addressHash)
			.param("events", readable)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		return jdbc.sql(CLEAR).param("hash", addressHash).update();
	}

}
