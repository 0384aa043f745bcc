package org.callout.subscribers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.callout.platform.SlidingWindowLimiter;

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

	// An access request shows when the address asked for fresh links; an erasure removes those rows and the ones of
	// the IPs the ledger recorded for the person ('ip:<network>' keys hold the client's IP, its /64 for IPv6).
	private static final String REQUESTS_OF = """
			SELECT requested_at FROM unsubscribe_link_requests WHERE limit_key = :key ORDER BY requested_at""";

	private static final String DELETE_REQUESTS = "DELETE FROM unsubscribe_link_requests WHERE limit_key IN (:keys)";

	private static final String DELETE_KEYS = "DELETE FROM unsubscribe_link_limit_keys WHERE limit_key IN (:keys)";

	private final SlidingWindowLimiter limiter;

	private final JdbcClient jdbc;

	private final Clock clock;

	FreshLinkLimitStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.limiter = new SlidingWindowLimiter(jdbc, transactions, clock, new SlidingWindowLimiter.Tables(
				"unsubscribe_link_limit_keys", "unsubscribe_link_requests", "requested_at", "%"));
		this.clock = clock;
		this.jdbc = jdbc;
	}

	List<Instant> requestsOf(String key) {
		return jdbc.sql(REQUESTS_OF).param("key", key).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
	}

	void forgetKeys(List<String> keys) {
		if (!keys.isEmpty()) {
			jdbc.sql(DELETE_REQUESTS).param("keys", keys).update();
			jdbc.sql(DELETE_KEYS).param("keys", keys).update();
		}
	}

	/** Counts a request if the key is under its limit; otherwise how long until the next one is allowed. */
	Optional<Duration> tryAcquire(String key, int limit, Duration window) {
		return limiter.tryAcquire(key, limit, window);
	}

	/** No window is longer than a day, so older requests can no longer count. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	void forgetOldRequests() {
		limiter.forget(clock.instant().minus(Duration.ofDays(1)));
	}

}
