package org.callout.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * What the sending engine needs to know of a blast: where it stands, its deadline, and who it goes to.
 *
 * @param blastId the blast
 * @param state its state's name ({@code READY}, {@code SENDING}, {@code PAUSED}, {@code SENT}...)
 * @param pausedBy {@code organizer} or {@code relay} while paused, else null
 * @param sendBy nothing is handed to SMTP at or after this; null: no limit
 * @param listIds the audience: confirmed members of these lists
 * @param knownOnly only subscribers whose districts are known exactly
 * @param chamber only subscribers with a known district in this chamber ({@code senate}, {@code assembly}); null: either
 * @param districts only these districts of {@code chamber}; empty: any
 */
public record BlastPlan(long blastId, String state, String pausedBy, Instant sendBy, List<Long> listIds, boolean knownOnly,
		String chamber, List<String> districts) {

	public BlastPlan {
		listIds = List.copyOf(listIds);
		districts = districts == null ? List.of() : List.copyOf(districts);
	}

	public boolean sending() {
		return "SENDING".equals(state);
	}

	/** Paused because the relay failed: the engine probes and resumes it by itself. */
	public boolean pausedByRelay() {
		return "PAUSED".equals(state) && "relay".equals(pausedBy);
	}

	/** Paused by an organizer: only an organizer resumes it. */
	public boolean pausedByOrganizer() {
		return "PAUSED".equals(state) && !"relay".equals(pausedBy);
	}

	/** SENT, CANCELLED or EXPIRED: nothing more is sent. */
	public boolean over() {
		return "SENT".equals(state) || "CANCELLED".equals(state) || "EXPIRED".equals(state);
	}

	public boolean pastSendBy(Instant now) {
		return sendBy != null && !now.isBefore(sendBy);
	}

}
