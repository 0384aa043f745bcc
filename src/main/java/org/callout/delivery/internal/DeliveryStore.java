package org.callout.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.callout.legislators.StoredDistricts;
import org.callout.platform.Claims;
import org.callout.platform.WorkClaims;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for delivery records: claiming them, the lock that lets an unsubscribe win, and each outcome. */
@Repository
class DeliveryStore {

	// Open rows of the blast that are due, after the reader's cursor; WorkClaims adds "nobody alive holds it", the id
	// order and SKIP LOCKED. On PostgreSQL the partial index deliveries_ready holds exactly the open rows.
	private static final String READY = """
			blast_id = :blast AND id > :after AND status IN ('PENDING', 'DEFERRED')
			AND (next_attempt_at IS NULL OR next_attempt_at <= :now)""";

	// Joined with subscribers at claim time, not copied at snapshot time: an address corrected (or erased) after the
	// snapshot must not be mailed at its old value.
	private static final String CLAIMED = """
			SELECT d.id, d.blast_id, d.subscriber_id, s.email, s.first_name, s.zip, d.language, d.senate_district,
			       d.assembly_district, d.senate_candidates, d.assembly_candidates, d.district_source, d.confidence,
			       d.districts_at, d.attempts
			FROM deliveries d LEFT JOIN subscribers s ON s.id = d.subscriber_id
			WHERE d.id IN (:ids) ORDER BY d.id""";

	private static final String OPEN = "SELECT COUNT(*) FROM deliveries WHERE blast_id = :blast AND status IN ('PENDING', 'DEFERRED')";

	private static final String RELEASE_OWN = """
			UPDATE deliveries SET claimed_by = NULL, heartbeat_at = NULL
			WHERE claimed_by = :owner AND blast_id = :blast AND status IN ('PENDING', 'DEFERRED')""";

	private static final String NEXT_DUE = """
			SELECT MIN(next_attempt_at) FROM deliveries WHERE blast_id = :blast AND status = 'DEFERRED'""";

	private static final String SENT = """
			UPDATE deliveries SET status = 'SENT', address = :address, message_id = :messageId, smtp_reply = :reply,
			       reason = NULL, sent_at = :now, attempts = attempts + 1, next_attempt_at = NULL, claimed_by = NULL,
			       heartbeat_at = NULL, updated_at = :now
			WHERE id = :id""";

	private static final String DEFERRED = """
			UPDATE deliveries SET status = 'DEFERRED', address = :address, smtp_reply = :reply, reason = :reason,
			       attempts = attempts + 1, next_attempt_at = :retryAt, claimed_by = NULL, heartbeat_at = NULL, updated_at = :now
			WHERE id = :id""";

	// FAILED, SKIPPED, EXPIRED: final, with the reply (if any) and the reason.
	private static final String CLOSED = """
			UPDATE deliveries SET status = :status, address = :address, smtp_reply = :reply, reason = :reason,
			       attempts = attempts + :tried, next_attempt_at = NULL, claimed_by = NULL, heartbeat_at = NULL, updated_at = :now
			WHERE id = :id""";

	// Every open row of the blast that no other live instance is sending right now; those it is sending, it
	// closes itself (each message's send-by is checked just before it is handed over).
	private static final String CLOSE_OPEN = """
			UPDATE deliveries SET status = :status, reason = :reason, next_attempt_at = NULL, claimed_by = NULL,
			       heartbeat_at = NULL, updated_at = :now
			WHERE blast_id = :blast AND status IN ('PENDING', 'DEFERRED')
			  AND (claimed_by IS NULL OR claimed_by = :owner OR heartbeat_at < :claimAliveSince)""";

	// A live claim on an open record is a chunk in flight (or claimed ahead) on some instance.
	private static final String LIVE_CLAIMS = "SELECT COUNT(*) FROM deliveries WHERE blast_id = :blast"
			+ " AND status IN ('PENDING', 'DEFERRED') AND " + WorkClaims.liveClaimCondition();

	// PENDING is the snapshot's count less the rest: the rows that have left PENDING are what PostgreSQL's partial
	// index deliveries_not_pending holds, so a count of a blast just begun reads a few rows, not a million pending
	// ones. Rows are written only by the snapshot and never deleted, so recipients is all of them; one statement, so
	// both parts see the same moment.
	private static final String COUNTS = """
			SELECT status, COUNT(*) FROM deliveries WHERE blast_id = :blast AND status <> 'PENDING' GROUP BY status
			UNION ALL
			SELECT 'ALL', recipients FROM delivery_runs WHERE blast_id = :blast AND recipients IS NOT NULL""";

	private static final String SENT_SINCE = """
			SELECT COUNT(*), MIN(sent_at) FROM deliveries WHERE blast_id = :blast AND sent_at >= :since""";

	private static final int TEXT = 500;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final WorkClaims claims;

	private final Clock clock;

	DeliveryStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Claims claims, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.claims = claims.on("deliveries");
		this.clock = clock;
	}

	String owner() {
		return claims.owner();
	}

	/**
	 * Claims up to {@code limit} due deliveries of the blast with ids above {@code after}, in id order; call inside a
	 * (short) transaction.
	 */
	List<Long> claim(long blastId, long after, int limit) {
		return claims.claim(READY, Map.of("blast", blastId, "after", after), limit);
	}

	List<Delivery> claimed(List<Long> ids) {
		return ids.isEmpty() ? List.of() : jdbc.sql(CLAIMED).param("ids", ids).query(DeliveryStore::delivery).list();
	}

	void release(long id) {
		claims.release(id);
	}

	/** Gives back every claim this instance holds on the blast's open records. */
	int releaseOwn(long blastId) {
		return jdbc.sql(RELEASE_OWN).param("blast", blastId).param("owner", claims.owner()).update();
	}

	long open(long blastId) {
		return jdbc.sql(OPEN).param("blast", blastId).query(Long.class).single();
	}

	Instant nextDue(long blastId) {
		OffsetDateTime next = jdbc.sql(NEXT_DUE).param("blast", blastId).query(OffsetDateTime.class).optional().orElse(null);
		return next == null ? null : next.toInstant();
	}

	/** One sent message: the address it went to, its Message-ID and the relay's reply. */
	record Sent(long id, String address, String messageId, String reply) {
	}

	/** Records the messages as sent, in one batch: one round trip for a chunk instead of one per message. */
	void sent(List<Sent> sent) {
		if (sent.isEmpty()) {
			return;
		}
		OffsetDateTime now = utc(clock.instant());
		SqlParameterSource[] rows = sent.stream()
			.map(s -> new MapSqlParameterSource().addValue("id", s.id()).addValue("address", s.address())
				.addValue("messageId", s.messageId()).addValue("reply", cut(s.reply())).addValue("now", now))
			.toArray(SqlParameterSource[]::new);
		batch.batchUpdate(SENT, rows);
	}

	void deferred(long id, String address, String reply, String reason, Instant retryAt) {
		jdbc.sql(DEFERRED).param("id", id).param("address", address).param("reply", cut(reply)).param("reason", cut(reason))
			.param("retryAt", utc(retryAt)).param("now", utc(clock.instant())).update();
	}

	/** A final outcome; {@code tried}: whether the relay saw an attempt (counted in attempts). */
	void closed(long id, DeliveryStatus status, String address, String reply, String reason, boolean tried) {
		jdbc.sql(CLOSED).param("id", id).param("status", status.name()).param("address", address).param("reply", cut(reply))
			.param("reason", cut(reason)).param("tried", tried ? 1 : 0).param("now", utc(clock.instant())).update();
	}

	/** Closes the blast's open rows (expired at send-by, skipped on cancel) that no other live instance holds. */
	int closeOpen(long blastId, DeliveryStatus status, String reason) {
		return jdbc.sql(CLOSE_OPEN).param("blast", blastId).param("status", status.name()).param("reason", cut(reason))
			.param("owner", claims.owner()).param("claimAliveSince", claims.aliveSince()).param("now", utc(clock.instant()))
			.update();
	}

	/** Open records of the blast that a live instance holds. */
	long liveClaims(long blastId) {
		return jdbc.sql(LIVE_CLAIMS).param("blast", blastId).param("claimAliveSince", claims.aliveSince()).query(Long.class).single();
	}

	Map<DeliveryStatus, Long> counts(long blastId) {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		long[] all = {0};
		jdbc.sql(COUNTS).param("blast", blastId)
			.query((ResultSet rs) -> {
				if ("ALL".equals(rs.getString(1))) {
					all[0] = rs.getLong(2);
				}
				else {
					counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
				}
			});
		counts.put(DeliveryStatus.PENDING, all[0] - counts.values().stream().mapToLong(Long::longValue).sum());
		return counts;
	}

	/** The blast's deferred and failed records, the latest changed first. */
	java.util.List<org.callout.campaigns.BlastProgress.Trouble> troubles(long blastId, int limit) {
		return jdbc.sql("""
				SELECT id, status, address, attempts, smtp_reply, reason, next_attempt_at, updated_at FROM deliveries
				WHERE blast_id = :blast AND status IN ('DEFERRED', 'FAILED') ORDER BY updated_at DESC, id DESC LIMIT :limit""")
			.param("blast", blastId).param("limit", limit)
			.query((rs, n) -> new org.callout.campaigns.BlastProgress.Trouble(rs.getLong("id"), rs.getString("status"),
					rs.getString("address"), rs.getInt("attempts"), rs.getString("smtp_reply"), rs.getString("reason"),
					instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
					instant(rs.getObject("updated_at", OffsetDateTime.class))))
			.list();
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	/** Messages per second since {@code since}, measured from the first one sent in that time. */
	double rateSince(long blastId, Instant since, Instant now) {
		return jdbc.sql(SENT_SINCE).param("blast", blastId).param("since", utc(since)).query((rs, n) -> {
			long sent = rs.getLong(1);
			OffsetDateTime first = rs.getObject(2, OffsetDateTime.class);
			if (sent == 0 || first == null) {
				return 0.0;
			}
			double seconds = Math.max(1.0, (now.toEpochMilli() - first.toInstant().toEpochMilli()) / 1000.0);
			return sent / seconds;
		}).single();
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		OffsetDateTime at = rs.getObject("districts_at", OffsetDateTime.class);
		return new Delivery(rs.getLong("id"), rs.getLong("blast_id"), rs.getLong("subscriber_id"), rs.getString("email"),
				rs.getString("first_name"), rs.getString("zip"), rs.getString("language"),
				new StoredDistricts(rs.getString("senate_district"), rs.getString("assembly_district"),
						rs.getString("senate_candidates"), rs.getString("assembly_candidates"), rs.getString("district_source"),
						rs.getString("confidence"), at == null ? null : at.toInstant()),
				rs.getInt("attempts"));
	}

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

	static String cut(String text) {
		if (text == null) {
			return null;
		}
		String line = LINE_BREAKS.matcher(text).replaceAll(" ").strip();
		return line.length() <= TEXT ? line : line.substring(0, TEXT - 1) + "…";
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Map<Long, List<Long>> group(List<long[]> pairs) {
		Map<Long, List<Long>> grouped = new HashMap<>();
		for (long[] pair : pairs) {
			grouped.computeIfAbsent(pair[0], key -> new ArrayList<>()).add(pair[1]);
		}
		return grouped;
	}

}
