package org.callout.console.internal.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Which failed sign-ins reach the audit log: anyone on the internet can fail one, and the log is append-only, so, as
 * the API does with refused tokens, at most one entry a minute per address and name, and 100 a minute in all. The
 * throttle's own locks are audited apart, once each.
 */
@Component
class SignInRefusals {

	static final int MOST_PER_MINUTE = 100;

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> windowStart = new AtomicReference<>(Instant.EPOCH);

	private final AtomicInteger inWindow = new AtomicInteger();

	private final Clock clock;

	SignInRefusals(Clock clock) {
		this.clock = clock;
	}

	/** Whether this failure is recorded; false when one like it was, less than a minute ago, or the minute is full. */
	boolean record(String address, String target) {
		Instant now = clock.instant();
		Instant start = windowStart.get();
		if (!now.isBefore(start.plus(MINUTE)) && windowStart.compareAndSet(start, now)) {
			inWindow.set(0);
			lastRecorded.values().removeIf(at -> !now.isBefore(at.plus(MINUTE)));
		}
		String key = address + " " + target;
		Instant last = lastRecorded.get(key);
		if (last != null && now.isBefore(last.plus(MINUTE))) {
			return false;
		}
		if (inWindow.incrementAndGet() > MOST_PER_MINUTE) {
			return false;
		}
		lastRecorded.put(key, now);
		return true;
	}

}
