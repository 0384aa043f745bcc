package org.callout.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.concurrent.locks.LockSupport;

import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;
import org.callout.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a blast's deliveries as claimed chunks: each read claims the next due rows in id order (committed at once,
 * so other instances skip them and the unsubscribe listener never waits on them), waiting while nothing is due.
 * It ends the step when nothing is open, and stops it (restartable) when an organizer paused the blast or this instance shuts down. The state
 * lives in the rows, not here: a restart reads on from whatever is still open, never from an offset.
 */
class ClaimReader implements ItemReader<List<Delivery>> {

	private static final Logger log = LoggerFactory.getLogger(ClaimReader.class);

	private final long blastId;

	private final BlastHandover handover;

	private final DeliveryStore store;

	private final TransactionTemplate ownTransaction;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final BooleanSupplier stopping;

	private final SendWorkers workers;

	// Whether the blast's snapshot has no slice left to write (SnapshotSlicesTasklet writes them beside this reader).
	private final LongPredicate snapshotComplete;

	// How long a reader that found nothing open waits for the next slice of a snapshot still being written.
	private static final Duration SLICE_WAIT = Duration.ofMillis(50);

	// Whether this worker may hold claims (SendWorkers): from its first claim until it finds nothing due or ends.
	private boolean busy;

	private static final Duration LONGEST_PROBE_WAIT = Duration.ofMinutes(1);

	private Duration probeWait;

	private boolean waitedForProbe;

	// The last id claimed: the next claim starts after it, so it never steps over the rows already sent (listmonk's
	// "resume from the last id"). Only a hint: when nothing is due after it, the next claim starts from the
	// beginning, for rows deferred, given back or left by a dead instance behind it; a restart starts there too.
	private long after;

	// The next chunk, being claimed while the writer sends this one; null when none is.
	private CompletableFuture<List<Delivery>> next;

	private final Executor claimer = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("blast-claim-", 0).factory());

	ClaimReader(long blastId, BlastHandover handover, DeliveryStore store, TransactionTemplate ownTransaction,
			DeliveryProperties properties, Clock clock, BooleanSupplier stopping, SendWorkers workers,
			LongPredicate snapshotComplete) {
		this.snapshotComplete = snapshotComplete;
		this.stopping = stopping;
		this.workers = workers;
		this.blastId = blastId;
		this.handover = handover;
		this.store = store;
		this.ownTransaction = ownTransaction;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<Delivery> read() {
		try {
			List<Delivery> chunk = readNext();
			if (chunk == null) {
				dropPrefetched(); // The step ends or stops: a chunk claimed ahead must not wait for its lease.
				ended();
			}
			return chunk;
		}
		catch (RuntimeException ex) {
			dropPrefetched();
			ended();
			throw ex;
		}
	}

	private List<Delivery> readNext() {
		while (true) {
			BlastPlan plan = handover.plan(blastId).orElse(null);
			if (plan == null || !plan.sending() || plan.pastSendBy(clock.instant()) || stopping.getAsBoolean()) {
				dropPrefetched(); // Before anything is closed or given back: no chunk is claimed ahead from here on.
			}
			if ((plan == null || plan.over() || plan.pastSendBy(clock.instant())) && !stopping.getAsBoolean()
					&& awaitingSlices()) {
				idle(); // The slices still being written end at the blast's end; what they wrote is closed with the rest.
				continue;
			}
			if (plan == null || plan.over()) {
				// The last worker here to see it closes the records (the others may have chunks in flight).
				idle();
				if (plan != null && "CANCELLED".equals(plan.state())) {
					workers.whenAllIdle(blastId, () -> {
						int skipped = ownTransaction.execute(s -> store.closeOpen(blastId, DeliveryStatus.SKIPPED, "the blast was cancelled"));
						log.info("Blast {} was cancelled; {} unsent deliveries recorded as skipped", blastId, skipped);
					});
				}
				else if (plan != null && "EXPIRED".equals(plan.state())) {
					workers.whenAllIdle(blastId,
							() -> ownTransaction.execute(s -> store.closeOpen(blastId, DeliveryStatus.EXPIRED, "the blast expired")));
				}
				return null;
			}
			if (plan.pastSendBy(clock.instant())) {
				idle();
				workers.whenAllIdle(blastId, () -> {
					int expired = ownTransaction.execute(s -> store.closeOpen(blastId, DeliveryStatus.EXPIRED,
							"the send-by time, " + plan.sendBy() + ", came before it was sent"));
					log.warn("Blast {} reached its send-by time; {} unsent deliveries recorded as expired", blastId, expired);
				});
				return null;
			}
			if (plan.pausedByOrganizer() || stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
				// A stop, not an end: the execution is STOPPED and restarted when the blast is resumed.
				StepSynchronizationManager.getContext().getStepExecution().setTerminateOnly();
				return null;
			}
			// While the relay fails, one message at a time is the probe, after a wait: the relay status (or a relay that
			// is down) refuses it at once, so claiming, making and releasing it again without a wait would spin, busy on
			// the database. The wait is one poll interval, doubling up to a minute while the relay stays away.
			if (plan.pausedByRelay() && !workers.mayProbe(blastId, this)) {
				idle(); // Its chunk claimed ahead was given back above; another worker here probes.
				LockSupport.parkNanos(properties.pollInterval().toNanos());
				continue;
			}
			if (plan.pausedByRelay() && !waitedForProbe) {
				waitedForProbe = true;
				probeWait = probeWait == null ? properties.pollInterval() : min(probeWait.multipliedBy(2), LONGEST_PROBE_WAIT);
				LockSupport.parkNanos(probeWait.toNanos());
				continue; // Read the plan again: an organizer may have paused or cancelled it meanwhile.
			}
			waitedForProbe = false;
			if (!plan.pausedByRelay()) {
				probeWait = null;
			}
			int limit = plan.pausedByRelay() ? 1 : properties.chunkSize();
			if (!busy) {
				workers.busy(blastId);
				busy = true;
			}
			List<Delivery> ahead = prefetched();
			if (!ahead.isEmpty()) {
				after = ahead.getLast().id();
				prefetch(limit);
				return ahead;
			}
			long from = after;
			List<Long> ids = ownTransaction.execute(s -> store.claim(blastId, from, limit));
			if (ids.isEmpty() && from > 0) {
				after = 0;
				continue;
			}
			if (!ids.isEmpty()) {
				after = ids.getLast();
				try {
					List<Delivery> chunk = store.claimed(ids);
					if (!plan.pausedByRelay()) {
						prefetch(limit);
					}
					return chunk;
				}
				catch (RuntimeException ex) {
					ownTransaction.executeWithoutResult(s -> ids.forEach(store::release));
					throw ex;
				}
			}
			if (store.open(blastId) == 0) {
				if (!awaitingSlices()) {
					return null;
				}
				continue; // Sent faster than the snapshot is written: the next slice is on its way.
			}
			// When no worker here has a chunk of this blast in flight, a claim this instance still holds on it is one a
			// failed give-back left, which its heartbeat would otherwise keep from everyone forever.
			idle();
			workers.whenAllIdle(blastId, () -> ownTransaction.execute(s -> store.releaseOwn(blastId)));
			pause(store.nextDue(blastId));
		}
	}

	/**
	 * Claims the next chunk on another thread while this one is being made, sent and recorded: its claim and read
	 * were a third of the job thread's time, during which the senders had nothing to do.
	 */
	private void prefetch(int limit) {
		long from = after;
		next = CompletableFuture.supplyAsync(() -> claimAhead(from, limit), claimer);
	}

	private List<Delivery> claimAhead(long from, int limit) {
		List<Long> ids = ownTransaction.execute(s -> store.claim(blastId, from, limit));
		if (ids.isEmpty()) {
			return List.of();
		}
		try {
			return store.claimed(ids);
		}
		catch (RuntimeException ex) {
			ownTransaction.executeWithoutResult(s -> ids.forEach(store::release));
			throw ex;
		}
	}

	/** The chunk claimed ahead (the plan was read since); empty when there is none, or claiming it failed. */
	private List<Delivery> prefetched() {
		CompletableFuture<List<Delivery>> pending = next;
		next = null;
		if (pending == null) {
			return List.of();
		}
		try {
			return pending.join();
		}
		catch (CompletionException | CancellationException ex) {
			log.warn("Blast {}: the next chunk could not be claimed ahead; claimed now instead", blastId, ex.getCause());
			return List.of();
		}
	}

	private void dropPrefetched() {
		List<Delivery> unsent = prefetched();
		if (!unsent.isEmpty()) {
			ownTransaction.executeWithoutResult(s -> unsent.forEach(d -> store.release(d.id())));
		}
	}

	private void ended() {
		idle();
		workers.ended(blastId, this);
	}

	private void idle() {
		if (busy) {
			busy = false;
			workers.idle(blastId);
		}
	}

	/** Waits a moment if the snapshot still has slices to write; false, at once, once it is complete. */
	private boolean awaitingSlices() {
		if (snapshotComplete.test(blastId)) {
			return false;
		}
		LockSupport.parkNanos(SLICE_WAIT.toNanos());
		return true;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	/** Waits for the next retry (or a poll interval at most), so a quiet blast costs a query now and then. */
	private void pause(Instant nextDue) {
		Duration wait = properties.pollInterval();
		if (nextDue != null) {
			Duration untilDue = Duration.between(clock.instant(), nextDue);
			if (untilDue.compareTo(wait) < 0) {
				wait = untilDue.isNegative() ? Duration.ofMillis(50) : untilDue.plusMillis(10);
			}
		}
		LockSupport.parkNanos(wait.toNanos());
	}

}
