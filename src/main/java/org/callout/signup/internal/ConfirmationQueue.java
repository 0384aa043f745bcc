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
			WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)
			  AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
			ORDER BY id
			LIMIT :limit
			FOR UPDATE SKIP LOCKED""";

	private static final String LEASE = "UPDATE confirmation_queue SET claimed_until = :until WHERE id = :id";

	// The global hourly cap counts what went out in the last hour and what is leased to go out now, whichever
	// instance holds it; callers hold the cap lock so that two instances never spend the same allowance.
	private static final String SPENT_SINCE = """
			SELECT COUNT(*) FROM confirmation_queue
			WHERE sent_at >= :since OR (sent_at IS NULL AND claimed_until > :now)""";

	private static final String CAP_LOCK_ROW = "INSERT INTO rate_limit_keys (limit_key) VALUES ('confirmation-cap') ON CONFLICT DO NOTHING";

	private static final String CAP_LOCK = "SELECT limit_key FROM rate_limit_keys WHERE limit_key = 'confirmation-cap' FOR UPDATE";

	private static final String PENDING = "SELECT COUNT(*) FROM confirmation_queue WHERE sent_at IS NULL";

	private static final String MARK_SENT = "UPDATE confirmation_queue SET sent_at = :now WHERE id = :id";

	private static final String MARK_FAILED = """
			UPDATE confirmation_queue SET attempts = attempts + 1, claimed_until = NULL, next_attempt_at = :retryAt
			WHERE id = :id""";

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
			.param("limit", limit)
			.param("now", utc(now))
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.list();
		claimed.forEach(p -> jdbc.sql(LEASE).param("id", p.id()).param("until", utc(until)).update());
		return claimed;
	}

	/** Serializes cap accounting across instances until the transaction ends. */
	void lockCap() {
		jdbc.sql(CAP_LOCK_ROW).update();
		jdbc.sql(CAP_LOCK).query(String.class).single();
	}

	long spentSince(Instant since, Instant now) {
		return jdbc.sql(SPENT_SINCE).param("since", utc(since)).param("now", utc(now)).query(Long.class).single();
	}

	long pending() {
		return jdbc.sql(PENDING).query(Long.class).single();
	}

	void markSent(long id, Instant now) {
		jdbc.sql(MARK_SENT).param("id", id).param("now", utc(now)).update();
	}

	int attempts(long id) {
		return jdbc.sql("SELECT attempts FROM confirmation_queue WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	void release(long id) {
		jdbc.sql("UPDATE confirmation_queue SET claimed_until = NULL WHERE id = :id").param("id", id).update();
	}

	void markFailed(long id, Instant retryAt) {
		jdbc.sql(MARK_FAILED).param("id", id).param("retryAt", utc(retryAt)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
