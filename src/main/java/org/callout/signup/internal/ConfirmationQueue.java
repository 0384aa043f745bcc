package org.callout.signup.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the durable queue of confirmation emails. */
@Repository
class ConfirmationQueue {

	static final int MAX_ATTEMPTS = 5;

	record Pending(long id, long subscriberId, long listId, String language) {
	}

	private static final String ENQUEUE = """
			INSERT INTO confirmation_queue (subscriber_id, list_id, language, enqueued_at, attempts)
			VALUES (:subscriber, :list, :language, :now, 0)""";

	// SKIP LOCKED lets several instances claim rows together without taking the same one; the lease
	// (claimed_until) then keeps them apart while the row is sent outside this short transaction, and lets
	// another instance take over the rows of one that died.
	private static final String CLAIMABLE = """
			SELECT id, subscriber_id, list_id, language FROM confirmation_queue
			WHERE sent_at IS NULL AND attempts < :maxAttempts AND (claimed_until IS NULL OR claimed_until < :now)
			ORDER BY id
			LIMIT :limit
			FOR UPDATE SKIP LOCKED""";

	private static final String LEASE = "UPDATE confirmation_queue SET claimed_until = :until WHERE id = :id";

	// The global hourly cap counts what went out in the last hour, whichever instance sent it.
	private static final String SENT_SINCE = "SELECT COUNT(*) FROM confirmation_queue WHERE sent_at >= :since";

	private static final String PENDING = "SELECT COUNT(*) FROM confirmation_queue WHERE sent_at IS NULL AND attempts < :maxAttempts";

	private static final String MARK_SENT = "UPDATE confirmation_queue SET sent_at = :now WHERE id = :id";

	private static final String MARK_FAILED = "UPDATE confirmation_queue SET attempts = attempts + 1, claimed_until = NULL WHERE id = :id";

	private final JdbcClient jdbc;

	ConfirmationQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(long subscriberId, long listId, String language, Instant now) {
		jdbc.sql(ENQUEUE)
			.param("subscriber", subscriberId)
			.param("list", listId)
			.param("language", language)
			.param("now", utc(now))
			.update();
	}

	/** Leases up to {@code limit} rows until {@code until}; call inside a transaction. */
	List<Pending> claim(int limit, Instant now, Instant until) {
		List<Pending> claimed = jdbc.sql(CLAIMABLE)
			.param("maxAttempts", MAX_ATTEMPTS)
			.param("limit", limit)
			.param("now", utc(now))
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.list();
		claimed.forEach(p -> jdbc.sql(LEASE).param("id", p.id()).param("until", utc(until)).update());
		return claimed;
	}

	long sentSince(Instant since) {
		return jdbc.sql(SENT_SINCE).param("since", utc(since)).query(Long.class).single();
	}

	long pending() {
		return jdbc.sql(PENDING).param("maxAttempts", MAX_ATTEMPTS).query(Long.class).single();
	}

	void markSent(long id, Instant now) {
		jdbc.sql(MARK_SENT).param("id", id).param("now", utc(now)).update();
	}

	void release(long id) {
		jdbc.sql("UPDATE confirmation_queue SET claimed_until = NULL WHERE id = :id").param("id", id).update();
	}

	void markFailed(long id) {
		jdbc.sql(MARK_FAILED).param("id", id).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
