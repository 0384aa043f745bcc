package org.callout.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims on the rows of one work table (confirmation emails now, blast deliveries later), so that instances
 * sharing a database never work on the same row and a crash costs at most the work that was in flight.
 * The table has an {@code id} and the columns {@code claimed_by} (the owner's {@code callout.instance-id})
 * and {@code heartbeat_at}. The owner's heartbeat ({@link Claims}) renews all its claims while it runs; a
 * restarting instance takes its own back at once ({@link #releaseOwn()}); claims whose heartbeat stopped
 * expire after {@code callout.claims.expire-after} and may then be claimed by anyone.
 */
public final class WorkClaims {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcClient jdbc;

	private final String table;

	private final String owner;

	private final CalloutProperties.Claims settings;

	private final Clock clock;

	WorkClaims(JdbcClient jdbc, String table, String owner, CalloutProperties.Claims settings, Clock clock) {
		if (!NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("Not a table name: " + table);
		}
		this.jdbc = jdbc;
		this.table = table;
		this.owner = owner;
		this.settings = settings;
		this.clock = clock;
	}

	public String owner() {
		return owner;
	}

	/**
	 * Claims up to {@code limit} rows that satisfy {@code readyCondition} (SQL on the table's columns; it may
	 * use {@code :now} and the given parameters) and that nobody alive holds, in id order. SKIP LOCKED lets
	 * instances claim side by side without waiting on or taking each other's rows. Call inside a transaction.
	 */
	public List<Long> claim(String readyCondition, Map<String, ?> parameters, int limit) {
		Instant now = clock.instant();
		String select = "SELECT id FROM " + table + " WHERE (" + readyCondition + ")"
				+ " AND (claimed_by IS NULL OR heartbeat_at < :expiredBefore) ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED";
		List<Long> ids = jdbc.sql(select)
			.params(parameters)
			.param("now", utc(now))
			.param("expiredBefore", utc(now.minus(settings.expireAfter())))
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE " + table + " SET claimed_by = :owner, heartbeat_at = :now WHERE id IN (:ids)")
				.param("owner", owner)
				.param("now", utc(now))
				.param("ids", ids)
				.update();
		}
		return ids;
	}

	/** Gives one row back without waiting for its claim to expire (shutting down, or the budget said wait). */
	public void release(long id) {
		jdbc.sql("UPDATE " + table + " SET claimed_by = NULL, heartbeat_at = NULL WHERE id = :id AND claimed_by = :owner")
			.param("id", id)
			.param("owner", owner)
			.update();
	}

	/**
	 * Gives back every claim this instance id holds. Called once at start: whatever it held when it last
	 * stopped (a crash, a kill) is no longer in flight, so it becomes claimable now rather than after expiry.
	 */
	public int releaseOwn() {
		return jdbc.sql("UPDATE " + table + " SET claimed_by = NULL, heartbeat_at = NULL WHERE claimed_by = :owner")
			.param("owner", owner)
			.update();
	}

	/**
	 * Renews the heartbeat of every claim this instance holds; returns how many. Rows a transaction of this instance
	 * has locked (a blast chunk recording its outcomes) are skipped, not waited for: waiting would deadlock with that
	 * transaction's next update, and while it holds them nobody else can claim them either (claims skip locked rows).
	 */
	public int renew() {
		return jdbc.sql("UPDATE " + table + " SET heartbeat_at = :now WHERE id IN (SELECT id FROM " + table
				+ " WHERE claimed_by = :owner FOR UPDATE SKIP LOCKED)")
			.param("owner", owner)
			.param("now", utc(clock.instant()))
			.update();
	}

	/** SQL that holds for rows someone alive has claimed; bind {@link #aliveSince()} as {@code :claimAliveSince}. */
	public static String liveClaimCondition() {
		return "(claimed_by IS NOT NULL AND heartbeat_at >= :claimAliveSince)";
	}

	/** Claims with a heartbeat at or after this are alive. */
	public OffsetDateTime aliveSince() {
		return utc(clock.instant().minus(settings.expireAfter()));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
