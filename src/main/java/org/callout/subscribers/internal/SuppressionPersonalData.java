package org.callout.subscribers.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;
import org.callout.subscribers.Suppression;
import org.callout.subscribers.Suppressions;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The suppression of the address, if any. An erasure ends here: the keyed hash is all that stays, suppressed as
 * {@code erased} so no import or blast reaches the address until the person signs up and confirms again. An
 * earlier suppression (a bounce, an organizer's) is kept, without its detail: the first one wins, and no organizer
 * may lift either (Suppressions.lift).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SuppressionPersonalData implements PersonalData {

	private final SuppressionStore suppressions;

	private final Clock clock;

	SuppressionPersonalData(SuppressionStore suppressions, Clock clock) {
		this.suppressions = suppressions;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "suppression";
	}

	/** The suppression, or null when the address is not suppressed. */
	@Override
	public Suppression describe(PersonRef person) {
		return suppressions.find(person.addressHash()).orElse(null);
	}

	@Override
	public void erase(PersonRef person) {
		// A kept suppression's detail may quote the address (a relay's "550 5.1.1 <ana@...>") or name the person.
		suppressions.clearDetail(person.addressHash());
		suppressions.insertIfAbsent(person.addressHash(), Suppressions.ERASED, null, Suppressions.API,
				clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

}
