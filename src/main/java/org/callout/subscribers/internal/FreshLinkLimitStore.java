package org.callout.subscribers.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sliding-window counts of fresh-link requests, in the database so instances sharing it share them: at most
 * {@code limit} requests per key in any {@code window}.
 */
@Repository
class FreshLinkLimitStore {

	private static final String ENSURE_KEY = "INSERT INTO unsubscribe_link_limit_keys (limit_key) VALUES (:key) ON CONFLICT DO NOTHING";

	// Serializes concurrent checks of one key across instances: two requests must not both see "none yet".
	private static final String LOCK_KEY = "SELECT limit_key FROM unsubscribe_link_limit_keys WHERE limit_key = :key FOR UPDATE";

	private static final String COUNT = """
			SELECT COUNT(*) AS hits, MIN(requested_at) AS oldest FROM unsubscribe_link_requests
			WHERE limit_key = :key AND requested_at > :since""";

	private static final String RECORD = "INSERT INTO unsubscribe_link_requests (limit_key, requested_at) VALUES (:key, :at)";

	private static final String FORGET_BEFORE = "DELETE FROM unsubscribe_link_requests WHERE requested_at <= :before";

	// A key row per address or network would otherwise accumulate forever. One deleted between ENSURE_KEY and
	// LOCK_KEY of a request is simply inserted again (see lockKey).
	private static final String FORGET_IDLE_KEYS = """
			DELETE FROM unsubscribe_link_limit_keys
			WHERE NOT EXISTS (SELECT 1 FROM unsubscribe_link_requests r WHERE r.limit_key = unsubscribe_link_limit_keys.limit_key)""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FreshLinkLimitStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Counts a request if the key is under its limit; otherwise how long until the next one is allowed. */
	Optional<Duration> tryAcquire(String key, int limit, Duration window) {
		return transactions.execute(status -> {
			// Microseconds, as both databases store them: otherwise a stored time rounded up reads as a wait a second longer.
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			lockKey(key);
			var row = jdbc.sql(COUNT).param("key", key).param("since", utc(now.minus(window))).query().singleRow();
			if (((Number) row.get("hits")).longValue() >= limit) {
				// Whole seconds, rounded up, at least one.
				long nanos = Duration.between(now, toInstant(row.get("oldest")).plus(window)).toNanos();
				return Optional.of(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999) / 1_000_000_000)));
			}
			jdbc.sql(RECORD).param("key", key).param("at", utc(now)).update();
			return Optional.<Duration>empty();
		});
	}

	private void lockKey(String key) {
		for (int attempt = 0; attempt < 3; attempt++) {
			jdbc.sql(ENSURE_KEY).param("key", key).update();
			if (jdbc.sql(LOCK_KEY).param("key", key).query(String.class).optional().isPresent()) {
				return;
			}
		}
		throw new IllegalStateException("Could not lock the fresh-link limit key");
	}

	/** No window is longer than a day, so older requests can no longer count. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	void forgetOldRequests() {
		jdbc.sql(FORGET_BEFORE).param("before", utc(clock.instant().minus(Duration.ofDays(1)))).update();
		jdbc.sql(FORGET_IDLE_KEYS).update();
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
