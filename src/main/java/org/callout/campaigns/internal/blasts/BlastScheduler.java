package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.callout.campaigns.internal.CampaignsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves due blasts to READY (onto the handover queue) and expires those past their send-by. One instance at a
 * time runs it (ShedLock); and each move happens under the blast's row lock after re-reading its state, so even
 * two schedulers racing put a blast on the queue once.
 */
@Component
class BlastScheduler {

	private static final Logger log = LoggerFactory.getLogger(BlastScheduler.class);

	private final BlastStore store;

	private final BlastMoves moves;

	private final CampaignsProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final java.time.Duration claimExpiry;

	BlastScheduler(BlastStore store, BlastMoves moves, CampaignsProperties properties, TransactionTemplate transactions,
			Clock clock, org.callout.platform.CalloutProperties callout) {
		this.claimExpiry = callout.claims().expireAfter();
		this.store = store;
		this.moves = moves;
		this.properties = properties;
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
		if (blast.state() != BlastState.SCHEDULED || blast.startAt() == null || blast.startAt().isAfter(now)) {
			return false;
		}
		if (blast.quietHours() && properties.quietHours().contains(now)) {
			return false;
		}
		moves.move(id, BlastState.READY, "scheduler", null);
		log.info("Blast {} is ready and waits on the handover queue", id);
		return true;
	}

}
