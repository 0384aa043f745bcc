package org.callout.campaigns.internal.blasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.callout.campaigns.internal.blasts.BlastState.*;

class BlastStateTests {

	/** The table, written out again on its own: the code's table must be exactly this. */
	private static final Map<BlastState, Set<BlastState>> ALLOWED = Map.of(
			DRAFT, EnumSet.of(AWAITING_APPROVAL, SCHEDULED, CANCELLED),
			AWAITING_APPROVAL, EnumSet.of(SCHEDULED, CANCELLED, EXPIRED),
			SCHEDULED, EnumSet.of(SCHEDULED, READY, CANCELLED, EXPIRED),
			READY, EnumSet.of(SENDING, CANCELLED, EXPIRED),
			SENDING, EnumSet.of(PAUSED, SENT, CANCELLED, EXPIRED),
			PAUSED, EnumSet.of(SENDING, CANCELLED, EXPIRED),
			SENT, EnumSet.noneOf(BlastState.class),
			CANCELLED, EnumSet.noneOf(BlastState.class),
			EXPIRED, EnumSet.noneOf(BlastState.class));

	@Test
	void everyMoveTheTableAllowsIsAllowedAndEveryOtherIsRefused() {
		int allowed = 0;
		for (BlastState from : values()) {
			for (BlastState to : values()) {
				assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
				allowed += from.canMoveTo(to) ? 1 : 0;
			}
		}
		assertThat(allowed).isEqualTo(20);
	}

	@Test
	void sentCancelledAndExpiredAreFinal() {
		assertThat(EnumSet.allOf(BlastState.class).stream().filter(BlastState::isFinal)).containsExactlyInAnyOrder(SENT, CANCELLED,
				EXPIRED);
	}

}
