package org.callout.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sliding-window limit kept in the database: at most {@code limit} hits per key in any {@code window}, shared by
 * every instance on the database. Each module keeps its counts in tables of its own (signup's per-IP limit,
 * subscribers' fresh-link limit) and hands them in; the table names come from code, never from a request.
 */
public final class SlidingWindowLimiter {

	/**
	 * A module's tables.
	 *
	 * @param keys one row per key ({@code limit_key} primary key), locked to serialize the checks of one key
	 * @param hits one row per counted hit ({@code limit_key} and a time column)
	 * @param hitTime the hits' time column
	 * @param idleKeys which key rows the clean-up may delete ({@code LIKE} pattern): a table may also hold lock
	 * rows that are not limits
	 */
	public record Tables(String keys, String hits, String hitTime, String idleKeys) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String ensureKey;

	private final String lockKey;

	private final String count;

	private final String record;

	private final String forgetBefore;

	private final String forgetIdleKeys;

	private final String name;

	private final String idleKeys;

	public SlidingWindowLimiter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, Tables tables) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.name = tables.keys();
		this.idleKeys = tables.idleKeys();
		// ON CONFLICT DO NOTHING: a key that exists already is no error, and a caught duplicate-key error would abort
		// a PostgreSQL transaction.
		this.ensureKey = "INSERT INTO " + tables.keys() + " (limit_key) VALUES (:key) ON CONFLICT DO NOTHING";
		// Serializes concurrent checks of one key across instances: two requests must not both see one hit too few.
		this.lockKey = "SELECT limit_key FROM " + tables.keys() + " WHERE limit_key = :key FOR UPDATE";
		this.count = "SELECT COUNT(*) AS hits, MIN(" + tables.hitTime() + ") AS oldest FROM " + tables.hits()
				+ " WHERE limit_key = :key AND " + tables.hitTime() + " > :since";
		this.record = "INSERT INTO " + tables.hits() + " (limit_key, " + tables.hitTime() + ") VALUES (:key, :at)";
		this.forgetBefore = "DELETE FROM " + tables.hits() + " WHERE " + tables.hitTime() + " <= :before";
		// A key row per client network or address would otherwise accumulate forever. One deleted between ensureKey
		// and lockKey of a request is simply inserted again (see lockKey).
		this.forgetIdleKeys = "DELETE FROM " + tables.keys() + " WHERE limit_key LIKE :pattern AND NOT EXISTS (SELECT 1 FROM "
				+ tables.hits() + " h WHERE h.limit_key = " + tables.keys() + ".limit_key)";
	}

	/** Counts a hit if the key is under its limit; otherwise how long until the next is allowed (whole seconds, at least one). */
	public Optional<Duration> tryAcquire(String key, int limit, Duration window) {
		return transactions.execute(status -> {
			// Microseconds, as both databases store them: otherwise a stored time rounded up reads as a wait a second longer.
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			lockKey(key);
			var row = jdbc.sql(count).param("key", key).param("since", utc(now.minus(window))).query().singleRow();
			if (((Number) row.get("hits")).longValue() >= limit) {
				long nanos = Duration.between(now, toInstant(row.get("oldest")).plus(window)).toNanos();
				return Optional.of(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999) / 1_000_000_000)));
			}
			jdbc.sql(record).param("key", key).param("at", utc(now)).update();
			return Optional.<Duration>empty();
		});
	}

	/** Deletes hits from before {@code before} (no window reaches back that far), then keys left with none. */
	public void forget(Instant before) {
		jdbc.sql(forgetBefore).param("before", utc(before)).update();
		jdbc.sql(forgetIdleKeys).param("pattern", idleKeys).update();
	}

	private void lockKey(String key) {
		for (int attempt = 0; attempt < 3; attempt++) {
			jdbc.sql(ensureKey).param("key", key).update();
			if (jdbc.sql(lockKey).param("key", key).query(String.class).optional().isPresent()) {
				return;
			}
		}
		throw new IllegalStateException("Could not lock the limit key in " + name);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant toInstant(Object value) {
		return switch (value) {
			case OffsetDateTime odt -> odt.toInstant();
			case Timestamp ts -> ts.toInstant();
			case Instant instant -> instant;
			default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
		};
	}

}
