package org.callout.consent;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The ledger folded into one {@link ConsentSummary} per subscriber, a range of subscriber ids at a time (exports). */
@Service
public class ConsentSummaries {

	// A range of ids rather than a list: an export walks subscribers in id order, and BETWEEN over the ledger's
	// (subscriber_id, id) index reads each page's events in one pass, in the ledger's own order, so the fold
	// below keeps the latest of each kind without comparing timestamps that two events may share.
	private static final String EVENTS = """
			SELECT subscriber_id, kind, occurred_at, terms_version, source FROM consent_events
			WHERE subscriber_id BETWEEN :first AND :last
			ORDER BY subscriber_id, id""";

	private final JdbcClient jdbc;

	ConsentSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Summaries of the subscribers with ids from {@code first} to {@code last}; absent ids hold no events. */
	public Map<Long, ConsentSummary> between(long first, long last) {
		Map<Long, ConsentSummary> summaries = new HashMap<>();
		jdbc.sql(EVENTS).param("first", first).param("last", last).query(rs -> {
			long subscriber = rs.getLong("subscriber_id");
			ConsentKind kind = ConsentKind.valueOf(rs.getString("kind"));
			var at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
			ConsentSummary before = summaries.getOrDefault(subscriber, ConsentSummary.NONE);
			summaries.put(subscriber, before.with(kind, at, rs.getString("terms_version"), rs.getString("source")));
		});
		return summaries;
	}

}
