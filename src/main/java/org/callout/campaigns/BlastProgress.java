package org.callout.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a blast's sending has come, as the engine reports it: the campaigns API shows it on the blast. The
 * sending engine implements this; without one the counts are empty.
 */
public interface BlastProgress {

	/** Empty until the engine has taken the blast's snapshot. */
	Optional<Counts> counts(long blastId);

	/**
	 * Waits, at most {@code atMost}, until no live instance is handing over a message of the blast: every chunk that
	 * was going out is sent and recorded. True when none is. A cancel waits for this before it answers: the chunks
	 * after those see the blast cancelled and send nothing, so nothing goes out after the answer.
	 */
	boolean awaitNothingInFlight(long blastId, Duration atMost);

	/**
	 * The blast's deferred and failed records, newest first, at most {@code limit}: what an organizer reads to see
	 * why messages did not go out. None without an engine.
	 */
	default java.util.List<Trouble> troubles(long blastId, int limit) {
		return java.util.List.of();
	}

	/**
	 * One recipient's message the relay deferred or refused.
	 *
	 * @param status DEFERRED or FAILED
	 * @param smtpReply the relay's reply as recorded, or null
	 * @param nextAttemptAt for a deferred one, when it is tried again
	 */
	record Trouble(long id, String status, String address, int attempts, String smtpReply, String reason,
			Instant nextAttemptAt, Instant updatedAt) {
	}

	/**
	 * @param total recipients in the snapshot
	 * @param perSecond messages handed to SMTP per second over the last minute
	 * @param estimatedFinish when the pending ones will be out at that rate; null when nothing is pending or
	 * nothing moves
	 */
	record Counts(long total, long sent, long deferred, long failed, long skipped, long expired, long pending,
			double perSecond, Instant estimatedFinish) {
	}

}
