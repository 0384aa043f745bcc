package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.Instant;

import org.callout.campaigns.internal.CampaignsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a SCHEDULED blast is due, and its move to READY (onto the handover queue). One rule for the scheduler's pass
 * and for a blast that is due the moment it is made by a trigger, submitted or approved: that one goes on the queue
 * in the same transaction instead of waiting up to a scheduler interval. Each move re-reads the blast under its row
 * lock, so the scheduler (on any instance) racing the move that made the blast puts it on the queue once.
 */
@Component
class DueBlasts {

	private static final Logger log = LoggerFactory.getLogger(DueBlasts.class);

	private final BlastMoves moves;

	private final CampaignsProperties properties;

	private final Clock clock;

	DueBlasts(BlastMoves moves, CampaignsProperties properties, Clock clock) {
		this.moves = moves;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Moves the blast to READY if it is due now; answers whether it did. Runs in the caller's transaction: the one
	 * that made, submitted or approved the blast, or the scheduler's for this blast, so the row lock is held until
	 * the move commits.
	 *
	 * @param note why it is due now, for the blast's state changes (null from the scheduler's pass)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean readyIfDue(long id, String note) {
		Blast blast = moves.locked(id);
		if (!due(blast, clock.instant())) {
			return false;
		}
		moves.move(id, BlastState.READY, "scheduler", note);
		log.info("Blast {} is ready and waits on the handover queue", id);
		return true;
	}

	/**
	 * SCHEDULED, its start come, not past its send-by (the scheduler expires that one) and, if it keeps quiet hours,
	 * not in them now (a blast made in quiet hours starts when they end; one whose start came in them waits too).
	 */
	private boolean due(Blast blast, Instant now) {
		return blast.state() == BlastState.SCHEDULED && blast.startAt() != null && !blast.startAt().isAfter(now)
				&& (blast.sendBy() == null || !now.isAfter(blast.sendBy()))
				&& !(blast.quietHours() && properties.quietHours().contains(now));
	}

}
