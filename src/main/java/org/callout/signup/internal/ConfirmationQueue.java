package org.callout.signup.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.callout.platform.Claims;
import org.callout.platform.WorkClaims;
import org.callout.subscribers.ImportedSupporters;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the durable queue of confirmation emails; its rows are claimed through the platform's {@link WorkClaims}. */
@Repository
class ConfirmationQueue {

	record Pending(long id, long subscriberId, long listId, String language) {
	}

	private static final String ENQUEUE = """
			INSERT INTO confirmation_queue (subscriber_id, list_id, language, enqueued_at, attempts)
			VALUES (:subscriber, :list, :language, :now, 0)""";

	// What may be sent now: not sent, not refused for good, and past its retry time.
	private static final String READY = """
			sent_at IS NULL AND refused_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= :now)""";

	private static final String CLAIMED = """
			SELECT id, subscriber_id, list_id, language FROM confirmation_queue WHERE id IN (:ids) ORDER BY id""";

	// The global hourly cap counts what was attempted in the last hour (sent, or refused by the relay) and what
	// is claimed to go out now by any live instance; callers hold the cap lock so that two instances never
	// spend the same allowance.
	private static final String SPENT_SINCE = "SELECT COUNT(*) FROM confirmation_queue WHERE sent_at >= :since OR refused_at >= :since OR (sent_at IS NULL AND "
			+ WorkClaims.liveClaimCondition() + ")";

	private static final String CAP_LOCK_ROW = "INSERT INTO rate_limit_keys (limit_key) VALUES ('confirmation-cap') ON CONFLICT DO NOTHING";

	private static final String CAP_LOCK = "SELECT limit_key FROM rate_limit_keys WHERE limit_key = 'confirmation-cap' FOR UPDATE";

	private static final String PENDING = "SELECT COUNT(*) FROM confirmation_queue WHERE sent_at IS NULL AND refused_at IS NULL";

	private static final String MARK_SENT = """
			UPDATE confirmation_queue SET sent_at = :now, claimed_by = NULL, heartbeat_at = NULL WHERE id = :id""";

	// A final refusal of the address: never retried; the reply stays for organizers to see.
	private static final String MARK_REFUSED = """
			UPDATE confirmation_queue SET refused_at = :now, last_reply = :reply, attempts = attempts + 1,
			  claimed_by = NULL, heartbeat_at = NULL
			WHERE id = :id""";

	private static final String MARK_FAILED = """
			UPDATE confirmation_queue SET attempts = attempts + 1, next_attempt_at = :retryAt, last_reply = :reply,
			  claimed_by = NULL, heartbeat_at = NULL
			WHERE id = :id""";

	private static final String POSTPONE = """
			UPDATE confirmation_queue SET next_attempt_at = :until, claimed_by = NULL, heartbeat_at = NULL
			WHERE id = :id""";

	private static final int REPLY_LENGTH = 500;

	private final JdbcClient jdbc;

	private final WorkClaims claims;

	private final NamedParameterJdbcTemplate batch;

	ConfirmationQueue(JdbcClient jdbc, Claims claims, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.claims = claims.on("confirmation_queue");
		this.batch = batch;
	}

	/** An import's re-permission emails, in one batch: there may be thousands. */
	void enqueueAll(List<ImportedSupporters.PendingConfirmation> pending, Instant now) {
		batch.batchUpdate(ENQUEUE, pending.stream()
			.map(p -> new MapSqlParameterSource("subscriber", p.subscriberId()).addValue("list", p.listId())
				.addValue("language", p.language())
				.addValue("now", utc(now)))
			.toArray(MapSqlParameterSource[]::new));
	}

	void enqueue(long subscriberId, long listId, String language, Instant now) {
		jdbc.sql(ENQUEUE)
			.param("subscriber", subscriberId)
			.param("list", listId)
			.param("language", language)
			.param("now", utc(now))
			.update();
	}

	/** Claims up to {@code limit} rows for this instance; call inside a transaction. */
	List<Pending> claim(int limit) {
		List<Long> ids = claims.claim(READY, Map.of(), limit);
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CLAIMED)
			.param("ids", ids)
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.list();
	}

	/** Serializes cap accounting across instances until the transaction ends. */
	void lockCap() {
		jdbc.sql(CAP_LOCK_ROW).update();
		jdbc.sql(CAP_LOCK).query(String.class).single();
	}

	long spentSince(Instant since) {
		return jdbc.sql(SPENT_SINCE)
			.param("since", utc(since))
			.param("claimAliveSince", claims.aliveSince())
			.query(Long.class)
			.single();
	}

	long pending() {
		return jdbc.sql(PENDING).query(Long.class).single();
	}

	void markSent(long id, Instant now) {
		jdbc.sql(MARK_SENT).param("id", id).param("now", utc(now)).update();
	}

	void markRefused(long id, String reply, Instant now) {
		jdbc.sql(MARK_REFUSED).param("id", id).param("reply", truncate(reply)).param("now", utc(now)).update();
	}

	int attempts(long id) {
		return jdbc.sql("SELECT attempts FROM confirmation_queue WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	/** Gives the row back unsent and unchanged (shutting down, a relay fault, no budget now). */
	void release(long id) {
		claims.release(id);
	}

	/** Waits until {@code until} without counting an attempt, and gives the claim back. */
	void postpone(long id, Instant until) {
		jdbc.sql(POSTPONE).param("id", id).param("until", utc(until)).update();
	}

	void markFailed(long id, Instant retryAt, String reply) {
		jdbc.sql(MARK_FAILED).param("id", id).param("retryAt", utc(retryAt)).param("reply", truncate(reply)).update();
	}

	private static String truncate(String reply) {
		return reply == null || reply.length() <= REPLY_LENGTH ? reply : reply.substring(0, REPLY_LENGTH);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
