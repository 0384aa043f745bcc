package org.callout.campaigns.internal.blasts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A blast's states, and the only moves between them. Any other move is refused (409, naming the current state).
 *
 * <pre>
 * DRAFT             -> AWAITING_APPROVAL | SCHEDULED | CANCELLED      (submit; cancel)
 * AWAITING_APPROVAL -> SCHEDULED | CANCELLED | EXPIRED                (approve; cancel; send-by passed)
 * SCHEDULED         -> SCHEDULED | READY | CANCELLED | EXPIRED        (reschedule; due; cancel; send-by passed)
 * READY             -> SENDING | CANCELLED | EXPIRED                  (the engine starts it; cancel; send-by passed)
 * SENDING           -> PAUSED | SENT | CANCELLED | EXPIRED
 * PAUSED            -> SENDING | CANCELLED | EXPIRED                  (a relay pause never lifts an organizer's)
 * SENT, CANCELLED, EXPIRED: final
 * </pre>
 */
public enum BlastState {

	DRAFT, AWAITING_APPROVAL, SCHEDULED, READY, SENDING, PAUSED, SENT, CANCELLED, EXPIRED;

	private static final Map<BlastState, Set<BlastState>> MOVES = Map.of(
			DRAFT, EnumSet.of(AWAITING_APPROVAL, SCHEDULED, CANCELLED),
			AWAITING_APPROVAL, EnumSet.of(SCHEDULED, CANCELLED, EXPIRED),
			SCHEDULED, EnumSet.of(SCHEDULED, READY, CANCELLED, EXPIRED),
			READY, EnumSet.of(SENDING, CANCELLED, EXPIRED),
			SENDING, EnumSet.of(PAUSED, SENT, CANCELLED, EXPIRED),
			PAUSED, EnumSet.of(SENDING, CANCELLED, EXPIRED),
			SENT, EnumSet.noneOf(BlastState.class),
			CANCELLED, EnumSet.noneOf(BlastState.class),
			EXPIRED, EnumSet.noneOf(BlastState.class));

	public boolean canMoveTo(BlastState next) {
		return MOVES.get(this).contains(next);
	}

	public Set<BlastState> next() {
		return Set.copyOf(MOVES.get(this));
	}

	/** Nothing happens to the blast any more. */
	public boolean isFinal() {
		return MOVES.get(this).isEmpty();
	}

}
