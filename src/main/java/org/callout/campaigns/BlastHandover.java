package org.callout.campaigns;

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

	/** READY (or PAUSED by the relay) to SENDING. */
	void started(long blastId);

	/** SENDING to PAUSED, marked as paused by the relay: an organizer's resume lifts it, and so does {@link #started}. */
	void pausedByRelay(long blastId);

	/** SENDING to SENT. */
	void finished(long blastId);

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
