package org.callout.signup.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sliding-window limit kept in the database: at most {@code limit} hits per key in any {@code window}.
 * Instances sharing the database share the counts.
 */
@Component
class RateLimiter {

	private static final String ENSURE_KEY = "INSERT INTO rate_limit_keys (limit_key) VALUES (:key) ON CONFLICT DO NOTHING";

	// Serializes concurrent checks of one key across instances: without it two requests could both count 29.
	private static final String LOCK_KEY = "SELECT limit_key FROM rate_limit_keys WHERE limit_key = :key FOR UPDATE";

	private static final String HITS = """
			SELECT COUNT(*) AS hits, MIN(hit_at) AS oldest FROM rate_limit_hits
			WHERE limit_key = :key AND hit_at > :since""";

	private static final String RECORD = "INSERT INTO rate_limit_hits (limit_key, hit_at) VALUES (:key, :at)";

	private static final String FORGET_BEFORE = "DELETE FROM rate_limit_hits WHERE hit_at <= :before";

	// One lock row per client network would otherwise accumulate forever. A key deleted here while a request
	// is between ENSURE_KEY and LOCK_KEY is simply inserted again (see lockKey).
	private static final String FORGET_IDLE_KEYS = """
			DELETE FROM rate_limit_keys
			WHERE limit_key LIKE 'signup-ip:%'
			  AND NOT EXISTS (SELECT 1 FROM rate_limit_hits h WHERE h.limit_key = rate_limit_keys.limit_key)""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RateLimiter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Records a hit if the key is under its limit; otherwise returns how long until the next hit is allowed. */
	Optional<Duration> tryAcquire(String key, int limit, Duration window) {
		return transactions.execute(status -> {
			Instant now = clock.instant();
			lockKey(key);
			var row = jdbc.sql(HITS).param("key", key).param("since", utc(now.minus(window))).query().singleRow();
			long hits = ((Number) row.get("hits")).longValue();
			if (hits >= limit) {
				Instant oldest = toInstant(row.get("oldest"));
				Duration wait = Duration.between(now, oldest.plus(window));
				return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait.plusSeconds(1));
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
		throw new IllegalStateException("Could not lock the rate limit key " + key);
	}

	/** Hits older than a day can no longer count towards any limit here (windows are at most an hour). */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void forgetOldHits() {
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
