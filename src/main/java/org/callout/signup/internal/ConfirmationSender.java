package org.callout.signup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.callout.mail.MailDeliveryException;
import org.callout.mail.Messenger;
import org.callout.mail.RelayBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the confirmation queue with as many workers as the transport can use at once (the SMTP pool
 * size): woken after each signup commits, and polled so that whatever a restart, the hourly cap, the relay
 * budget or a relay fault held back goes out later. Nothing is lost: a row leaves the queue only once sent,
 * or once its address is refused for good (by the relay, or by the suppression list).
 */
@Component
class ConfirmationSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationSender.class);

	private static final Duration WINDOW = Duration.ofHours(1);

	// Claims are kept alive by the platform's heartbeat while a batch is sent, so its size only decides how
	// many messages one cap check and one budget draw cover, and the most a crash can resend per worker.
	private static final int BATCH = 5;

	private static final Duration BUDGET_WAIT = Duration.ofSeconds(2);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private final ConfirmationQueue queue;

	private final ConfirmationMessages messages;

	private final SignupProperties properties;

	private final TransactionTemplate transactions;

	private final RelayBudget budget;

	private final Clock clock;

	private final ExecutorService executor;

	private final List<AtomicBoolean> wakeUpPending;

	private volatile Instant capWarnedAt = Instant.EPOCH;

	private volatile boolean stopping;

	ConfirmationSender(ConfirmationQueue queue, ConfirmationMessages messages, SignupProperties properties,
			TransactionTemplate transactions, RelayBudget budget, Messenger messenger, Clock clock) {
		this.queue = queue;
		this.messages = messages;
		this.properties = properties;
		this.transactions = transactions;
		this.budget = budget;
		this.clock = clock;
		int workers = Math.max(1, messenger.parallelism());
		this.executor = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("confirmation-sender-", 1).daemon().factory());
		this.wakeUpPending = IntStream.range(0, workers).mapToObj(i -> new AtomicBoolean()).toList();
	}

	/** Asks every worker for a drain soon; many wake-ups in a row make one drain per worker. */
	void wakeUp() {
		for (AtomicBoolean pending : wakeUpPending) {
			if (!stopping && pending.compareAndSet(false, true)) {
				executor.execute(() -> {
					pending.set(false);
					drain();
				});
			}
		}
	}

	@Scheduled(fixedDelayString = "${callout.signup.queue-poll-interval}", initialDelayString = "${callout.signup.queue-poll-interval}")
	void poll() {
		wakeUp();
	}

	/** Sends batch after batch until the queue is empty or something says wait. */
	void drain() {
		try {
			boolean more = true;
			while (more && !stopping) {
				more = sendBatch();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Confirmation emails could not be sent now; they stay queued", ex);
		}
	}

	/**
	 * Claims a batch in a short transaction under the hourly cap, draws the relay budget for it on the
	 * one-off lane, then sends and marks each row on its own: a crash resends at most the message in flight.
	 * Returns whether another batch may follow.
	 */
	private boolean sendBatch() {
		Instant now = clock.instant();
		List<ConfirmationQueue.Pending> batch = transactions.execute(status -> {
			queue.lockCap();
			long allowance = properties.confirmationsPerHour() - queue.spentSince(now.minus(WINDOW));
			if (allowance <= 0) {
				warnCapReached(now);
				return List.of();
			}
			return queue.claim((int) Math.min(BATCH, allowance));
		});
		if (batch.isEmpty()) {
			return false;
		}
		int next = 0;
		int granted = 0;
		int attempted = 0;
		try {
			granted = budget.acquire(RelayBudget.Lane.ONE_OFF, batch.size(), BUDGET_WAIT);
			for (; next < batch.size(); next++) {
				ConfirmationQueue.Pending pending = batch.get(next);
				if (stopping || next >= granted) {
					queue.release(pending.id()); // Shutting down, or over budget: claimable at once, by anyone.
					continue;
				}
				attempted++;
				if (!send(pending)) {
					next++;
					return false;
				}
			}
			return granted == BATCH;
		}
		finally {
			// Whatever was not sent goes back now, also when the database failed mid-batch: a claim left here would
			// be renewed by this instance's heartbeat until it stops.
			batch.subList(Math.min(next, batch.size()), batch.size()).forEach(p -> queue.release(p.id()));
			// The tokens of messages never handed to the relay (shutting down, or the batch stopped at a failure) are
			// the next sender's; one whose send failed counts as used, since the relay may have seen it.
			budget.giveBack(granted - attempted);
		}
	}

	/** Returns false when the next message should wait (a temporary failure, a relay fault). */
	private boolean send(ConfirmationQueue.Pending pending) {
		try {
			ConfirmationMessages.Outcome outcome = messages.send(pending);
			if (outcome.refused()) {
				// The address is suppressed: it ends as one the relay refused for good, never retried.
				queue.markRefused(pending.id(), outcome.refusal(), clock.instant());
				log.info("Confirmation email {} was not sent and will not be retried: {}", pending.id(), outcome.refusal());
			}
			else {
				queue.markSent(pending.id(), clock.instant());
			}
			return true;
		}
		catch (MailDeliveryException ex) {
			return switch (ex.kind()) {
				case ADDRESS_REFUSED -> {
					queue.markRefused(pending.id(), ex.reply(), clock.instant());
					log.warn("Confirmation email {} was refused for good by the relay and will not be retried: {}",
							pending.id(), ex.reply(), ex);
					yield true;
				}
				case PAUSED -> {
					queue.release(pending.id()); // Nothing was attempted: the probe decides when sending resumes.
					yield false;
				}
				case RELAY_FAULT -> {
					// Not counted against the message (the relay status logs and probes), but it steps back: were it
					// one address's own policy refusal, as the oldest row it would be every probe and block the rest.
					queue.postpone(pending.id(), clock.instant().plus(FIRST_RETRY));
					yield false;
				}
				case TEMPORARY -> {
					retryLater(pending, ex.reply(), ex);
					yield false;
				}
			};
		}
		catch (RuntimeException ex) {
			retryLater(pending, null, ex);
			return false;
		}
	}

	private void retryLater(ConfirmationQueue.Pending pending, String reply, RuntimeException ex) {
		int attempts = queue.attempts(pending.id()) + 1;
		queue.markFailed(pending.id(), clock.instant().plus(retryDelay(attempts - 1)), reply);
		log.warn("Confirmation email {} failed {} time(s); it stays queued and is retried later", pending.id(), attempts, ex);
	}

	/** 30 s, 1 min, 2 min... up to an hour: an outage delays confirmations, it never drops them. */
	static Duration retryDelay(int earlierAttempts) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(earlierAttempts, 12));
		return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
	}

	private synchronized void warnCapReached(Instant now) {
		if (now.isAfter(capWarnedAt.plus(WINDOW))) {
			capWarnedAt = now;
			log.warn("The cap of {} confirmation emails per hour is reached; {} wait in the queue and go out as the "
					+ "hour rolls on (callout.signup.confirmations-per-hour).", properties.confirmationsPerHour(), queue.pending());
		}
	}

	/** Lets the messages in flight finish and be marked, so a normal stop never causes a duplicate. */
	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		executor.shutdown();
		if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
			executor.shutdownNow();
		}
	}

}
