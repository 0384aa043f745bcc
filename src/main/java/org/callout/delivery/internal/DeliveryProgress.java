package org.callout.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.callout.campaigns.BlastProgress;
import org.callout.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** A blast's counts, rate and estimated finish for the campaigns API, and the progress lines of a long blast. */
@Component
class DeliveryProgress implements BlastProgress {

	private static final Logger log = LoggerFactory.getLogger(DeliveryProgress.class);

	private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

	private final DeliveryStore store;

	private final Snapshot snapshot;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final Map<Long, Instant> lastLogged = new ConcurrentHashMap<>();

	private final InFlightChunks inFlight;

	DeliveryProgress(DeliveryStore store, Snapshot snapshot, DeliveryProperties properties, Clock clock,
			InFlightChunks inFlight) {
		this.inFlight = inFlight;
		this.store = store;
		this.snapshot = snapshot;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Optional<Counts> counts(long blastId) {
		if (!snapshot.taken(blastId)) {
			return Optional.empty();
		}
		Map<DeliveryStatus, Long> by = store.counts(blastId);
		long total = by.values().stream().mapToLong(Long::longValue).sum();
		long pending = by.get(DeliveryStatus.PENDING) + by.get(DeliveryStatus.DEFERRED);
		Instant now = clock.instant();
		double perSecond = store.rateSince(blastId, now.minus(RATE_WINDOW), now);
		Instant finish = pending == 0 || perSecond == 0 ? null : now.plusMillis((long) (pending / perSecond * 1000));
		return Optional.of(new Counts(total, by.get(DeliveryStatus.SENT), by.get(DeliveryStatus.DEFERRED),
				by.get(DeliveryStatus.FAILED), by.get(DeliveryStatus.SKIPPED), by.get(DeliveryStatus.EXPIRED), pending,
				Math.round(perSecond * 10) / 10.0, finish));
	}

	@Override
	public java.util.List<Trouble> troubles(long blastId, int limit) {
		return store.troubles(blastId, limit);
	}

	@Override
	public boolean awaitNothingInFlight(long blastId, Duration atMost) {
		return inFlight.awaitNone(blastId, atMost);
	}

	/** Logs a progress line for the blast at most once per {@code progress-log-interval}. */
	void maybeLog(long blastId) {
		Instant now = clock.instant();
		Instant last = lastLogged.get(blastId);
		if (last != null && now.isBefore(last.plus(properties.progressLogInterval()))) {
			return;
		}
		lastLogged.put(blastId, now);
		counts(blastId).ifPresent(c -> log.info(
				"Blast {}: {} of {} sent, {} deferred, {} failed, {} skipped, {} expired, {} pending; {}/s; finish about {}",
				blastId, c.sent(), c.total(), c.deferred(), c.failed(), c.skipped(), c.expired(), c.pending(), c.perSecond(),
				c.estimatedFinish() == null ? "-" : c.estimatedFinish()));
	}

}
