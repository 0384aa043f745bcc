package org.callout.signup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the confirmation queue: woken after each signup commits, and polled so that whatever a restart or
 * the hourly cap left behind goes out later. Nothing is lost: a row leaves the queue only once sent.
 */
@Component
class ConfirmationSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationSender.class);

	private static final Duration WINDOW = Duration.ofHours(1);

	// A lease must outlast the sending of its whole batch even on a slow relay: 5 messages x (10 s connect +
	// 30 s read + 30 s write timeouts) = 350 s, well inside 15 minutes, so no other instance re-takes a row
	// that is still being sent.
	private static final int BATCH = 5;

	private static final Duration LEASE = Duration.ofMinutes(15);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private final ConfirmationQueue queue;

	private final ConfirmationMessages messages;

	private final SignupProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("confirmation-sender").daemon().factory());

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private volatile Instant capWarnedAt = Instant.EPOCH;

	private volatile boolean stopping;

	ConfirmationSender(ConfirmationQueue queue, ConfirmationMessages messages, SignupProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.queue = queue;
		this.messages = messages;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Asks for a drain soon, on the sender's own thread; many wake-ups in a row make one drain. */
	void wakeUp() {
		if (wakeUpPending.compareAndSet(false, true)) {
			executor.execute(() -> {
				wakeUpPending.set(false);
				drain();
			});
		}
	}

	@Scheduled(fixedDelayString = "${callout.signup.queue-poll-interval}", initialDelayString = "${callout.signup.queue-poll-interval}")
	void poll() {
		wakeUp();
	}

	/** Sends what the cap allows, batch by batch; stops at the first failure and leaves the rest for later. */
	void drain() {
		try {
			boolean more = true;
			while (more && !stopping) {
				more = sendBatch();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Confirmation emails could not be sent now; they stay queued: {}", ex.getMessage());
		}
	}

	/**
	 * Leases a batch in a short transaction, then sends and marks each row on its own: a crash re-sends at
	 * most the one message in flight. Returns whether another batch may follow.
	 */
	private boolean sendBatch() {
		Instant now = clock.instant();
		List<ConfirmationQueue.Pending> batch = transactions.execute(status -> {
			queue.lockCap();
			long allowance = properties.confirmationsPerHour() - queue.spentSince(now.minus(WINDOW), now);
			if (allowance <= 0) {
				warnCapReached(now);
				return List.of();
			}
			return queue.claim((int) Math.min(BATCH, allowance), now, now.plus(LEASE));
		});
		for (ConfirmationQueue.Pending pending : batch) {
			if (stopping) {
				queue.release(pending.id()); // Shutting down: leave it for the next start, without waiting for the lease.
				continue;
			}
			try {
				messages.send(pending);
				queue.markSent(pending.id(), now);
			}
			catch (RuntimeException ex) {
				int attempts = queue.attempts(pending.id()) + 1;
				queue.markFailed(pending.id(), now.plus(retryDelay(attempts - 1)));
				log.warn("Confirmation email {} failed {} time(s); it stays queued and is retried later: {}", pending.id(),
						attempts, ex.getMessage());
				releaseRest(batch, pending);
				return false;
			}
		}
		return batch.size() == BATCH;
	}

	/** 30 s, 1 min, 2 min... up to an hour: an outage delays confirmations, it never drops them. */
	private static Duration retryDelay(int earlierAttempts) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(earlierAttempts, 12));
		return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
	}

	private void releaseRest(List<ConfirmationQueue.Pending> batch, ConfirmationQueue.Pending failed) {
		batch.subList(batch.indexOf(failed) + 1, batch.size()).forEach(p -> queue.release(p.id()));
	}

	private void warnCapReached(Instant now) {
		if (now.isAfter(capWarnedAt.plus(WINDOW))) {
			capWarnedAt = now;
			log.warn("The cap of {} confirmation emails per hour is reached; {} wait in the queue and go out as the "
					+ "hour rolls on (callout.signup.confirmations-per-hour).", properties.confirmationsPerHour(), queue.pending());
		}
	}

	/** Lets the message in flight finish and be marked, so a normal stop never causes a duplicate. */
	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		executor.shutdown();
		if (!executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
			executor.shutdownNow();
		}
	}

}
