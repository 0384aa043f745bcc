package org.callout.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The blast engine's settings ({@code callout.delivery.*}).
 *
 * @param chunkSize deliveries claimed, checked and sent together: the most an unsubscribe waits for, and the most a
 * crash can send twice per execution
 * @param parallelism messages handed to SMTP at once; 0: as many as the transport's connection pool holds
 * @param perSecond messages per second for the whole service (every instance on the database); 0: no limit of its own
 * @param perHour messages per hour for the whole service; 0: no limit of its own
 * @param maxAttempts tries for a message the relay defers (4xx) before it is recorded as failed
 * @param firstRetry the wait after the first deferral; it doubles after each
 * @param longestRetry the longest wait between tries
 * @param pollInterval how often the engine looks for blasts to take up, and how long a sender waits when nothing
 * is ready to send
 * @param progressLogInterval how often a running blast logs a progress line
 * @param concurrentBlasts blasts this instance sends at once
 * @param workers chunks of one blast this instance sends at once, each claimed and committed on its own: the SMTP
 * connections stay busy while a chunk is recorded
 * @param enabled false for an instance that never sends blasts (it serves the API and pages only)
 * @param snapshotFirstSlice recipients written with the move to SENDING: the first message waits for these only
 * @param snapshotSlice recipients written per transaction after the first slice, beside the senders
 * @param test for crash tests only, never set in production: see {@link TestHooks}
 */
@ConfigurationProperties("callout.delivery")
public record DeliveryProperties(Integer chunkSize, Integer parallelism, Double perSecond, Double perHour,
		Integer maxAttempts, Duration firstRetry, Duration longestRetry, Duration pollInterval, Duration progressLogInterval,
		Integer concurrentBlasts, Integer workers, Boolean enabled, Integer snapshotFirstSlice, Integer snapshotSlice,
		TestHooks test) {

	public DeliveryProperties {
		chunkSize = positive(chunkSize, 50, "chunk-size");
		parallelism = parallelism == null ? 0 : parallelism;
		perSecond = perSecond == null ? 0 : perSecond;
		perHour = perHour == null ? 0 : perHour;
		maxAttempts = positive(maxAttempts, 5, "max-attempts");
		firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
		longestRetry = longestRetry == null ? Duration.ofHours(1) : longestRetry;
		pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
		progressLogInterval = progressLogInterval == null ? Duration.ofSeconds(30) : progressLogInterval;
		concurrentBlasts = positive(concurrentBlasts, 4, "concurrent-blasts");
		workers = positive(workers, 2, "workers");
		enabled = enabled == null || enabled;
		snapshotFirstSlice = positive(snapshotFirstSlice, 1_000, "snapshot-first-slice");
		snapshotSlice = positive(snapshotSlice, 20_000, "snapshot-slice");
		test = test == null ? new TestHooks(null) : test;
		if (parallelism < 0 || perSecond < 0 || perHour < 0) {
			throw new IllegalArgumentException("callout.delivery: parallelism, per-second and per-hour are 0 or more");
		}
	}

	/**
	 * Settings that exist for tests only ({@code callout.delivery.test.*}). Never set them in production.
	 *
	 * @param haltAt the point of the blast job where the service halts itself at once, as abruptly as
	 * {@code kill -9}: {@code snapshot} (in the snapshot's first transaction, after its first slice was written with
	 * the move to SENDING, before it commits), {@code snapshot-slice} (in the transaction of the first later slice that
	 * writes anyone, before it commits, while the first slice is being sent) or {@code finish} (in the finish step's
	 * transaction, after the blast was moved to its end, before it commits); empty: never. A crash test cannot time an outside kill to land inside a transaction that lasts
	 * milliseconds, so the service does it itself.
	 */
	public record TestHooks(String haltAt) {

		/** The points {@code halt-at} may name. */
		public static final List<String> HALT_POINTS = List.of("snapshot", "snapshot-slice", "finish");

		public TestHooks {
			haltAt = haltAt == null ? "" : haltAt.strip();
			if (!haltAt.isEmpty() && !HALT_POINTS.contains(haltAt)) {
				throw new IllegalArgumentException("callout.delivery.test.halt-at is " + String.join(" or ", HALT_POINTS)
						+ ", or empty; not " + haltAt);
			}
		}

	}

	private static int positive(Integer value, int fallback, String name) {
		if (value == null) {
			return fallback;
		}
		if (value < 1) {
			throw new IllegalArgumentException("callout.delivery." + name + " must be at least 1, not " + value);
		}
		return value;
	}

	/** The wait before try number {@code attempts + 1}. */
	public Duration retryDelay(int attempts) {
		Duration delay = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return delay.compareTo(longestRetry) > 0 ? longestRetry : delay;
	}

}
