package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves due blasts to READY (onto the handover queue) and expires those past their send-by. One instance at a
 * time runs it (ShedLock); and each move happens under the blast's row lock after re-reading its state, so even
 * two schedulers racing put a blast on the queue once. A blast already due when it is made, submitted or approved
 * does not wait for this pass: it goes on the queue at once ({@link DueBlasts}), under the same rule and lock; this
 * pass is for those whose start (a delay, a time set, the end of quiet hours) comes later.
 */
@Component
class BlastScheduler {

	private static final Logger log = LoggerFactory.getLogger(BlastScheduler.class);

	private final BlastStore store;

	private final BlastMoves moves;

	private final DueBlasts due;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final java.time.Duration claimExpiry;

	BlastScheduler(BlastStore store, BlastMoves moves, DueBlasts due, TransactionTemplate transactions, Clock clock,
			org.callout.platform.CalloutProperties callout) {
		this.claimExpiry = callout.claims().expireAfter();
		this.store = store;
		this.moves = moves;
		this.due = due;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${callout.campaigns.scheduler-interval:15s}",
			fixedDelayString = "${callout.campaigns.scheduler-interval:15s}")
	@SchedulerLock(name = "blast-scheduler", lockAtMostFor = "PT5M")
	void tick() {
		runOnce();
	}

	/** One pass; answers how many blasts it moved. */
	int runOnce() {
		store.releaseStaleClaims(clock.instant().minus(claimExpiry));
		int moved = 0;
		for (long id : store.waiting(clock.instant())) {
			try {
				Boolean done = transactions.execute(status -> step(id));
				moved += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				// One blast that cannot move (a lock timeout, a deadlock victim) must not hold up the others.
				log.warn("Blast {} could not be moved this pass; it is tried again next pass", id, ex);
			}
		}
		return moved;
	}

	private boolean step(long id) {
		Blast blast = moves.locked(id);
		Instant now = clock.instant();
		boolean unstarted = blast.state() == BlastState.AWAITING_APPROVAL || blast.state() == BlastState.SCHEDULED
				|| blast.state() == BlastState.READY;
		if (unstarted && blast.sendBy() != null && now.isAfter(blast.sendBy())) {
			moves.move(id, BlastState.EXPIRED, "scheduler", "not started by its send-by time " + blast.sendBy());
			log.info("Blast {} expired unstarted (send-by {})", id, blast.sendBy());
			return true;
		}
		return due.readyIfDue(id, null);
	}

}
