package org.callout.campaigns;

import java.util.List;
import java.util.Optional;

/**
 * What the sending engine uses: it claims READY blasts from the handover queue and reports each blast's state
 * back, every move checked against the campaigns module's state table.
 */
public interface BlastHandover {

	/**
	 * Takes the oldest unclaimed blast on the handover queue for {@code owner} (an instance id), or empty. The
	 * blast stays READY until {@link #started}.
	 */
	Optional<ReadyBlast> claim(String owner);

	/** Where a blast stands and whom it goes to; empty for no such blast. */
	Optional<BlastPlan> plan(long blastId);

	/** The blasts being sent or paused now (every instance joins those it can work on). */
	List<Long> inProgress();

	// Each report below is conditional: it moves the blast only from the states named, and does nothing otherwise
	// (another instance or an organizer moved it first).

	/** READY (or PAUSED by the relay) to SENDING; the blast leaves the handover queue. */
	void started(long blastId);

	/** SENDING to PAUSED, marked as paused by the relay: an organizer's resume lifts it, and so does {@link #started}. */
	void pausedByRelay(long blastId, String reason);

	/** SENDING to SENT. */
	void finished(long blastId);

	/** Any state not final to EXPIRED: the send-by time passed before everyone was sent to. */
	void expired(long blastId);

	/**
	 * A blast handed over for sending.
	 *
	 * @param blastId the blast
	 * @param templateName its template
	 * @param templateVersion the version it keeps
	 */
	record ReadyBlast(long blastId, String templateName, int templateVersion) {
	}

}
