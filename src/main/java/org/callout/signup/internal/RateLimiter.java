package org.callout.signup.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.callout.platform.SlidingWindowLimiter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signup's per-IP limit, in {@code rate_limit_keys} and {@code rate_limit_hits}. Only {@code signup-ip:} keys are
 * cleaned up: the confirmation queue keeps its cap's lock row in the same table.
 */
@Component
class RateLimiter {

	private final SlidingWindowLimiter limiter;

	private final Clock clock;

	RateLimiter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.limiter = new SlidingWindowLimiter(jdbc, transactions, clock,
				new SlidingWindowLimiter.Tables("rate_limit_keys", "rate_limit_hits", "hit_at", "signup-ip:%"));
		this.clock = clock;
	}

	/** Records a hit if the key is under its limit; otherwise returns how long until the next hit is allowed. */
	Optional<Duration> tryAcquire(String key, int limit, Duration window) {
		return limiter.tryAcquire(key, limit, window);
	}

	/** Hits older than a day can no longer count towards any limit here (windows are at most an hour). */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void forgetOldHits() {
		limiter.forget(clock.instant().minus(Duration.ofDays(1)));
	}

}
