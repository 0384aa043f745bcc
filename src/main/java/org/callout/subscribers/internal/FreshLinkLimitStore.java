package org.callout.subscribers.internal;

import java.time.Clock;
import java.time.Duration;
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

	private final SlidingWindowLimiter limiter;

	private final Clock clock;

	FreshLinkLimitStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.limiter = new SlidingWindowLimiter(jdbc, transactions, clock, new SlidingWindowLimiter.Tables(
				"unsubscribe_link_limit_keys", "unsubscribe_link_requests", "requested_at", "%"));
		this.clock = clock;
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
