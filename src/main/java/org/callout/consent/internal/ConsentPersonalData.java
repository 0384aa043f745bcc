package org.callout.consent.internal;

import java.time.Clock;
import java.util.List;

import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentLedger;
import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The consent ledger's part of an access request (every event recorded for the address, with the exact words)
 * and of an erasure: the events stay, as evidence that a consent with a terms version existed at a time for
 * that keyed hash, while the IP address, User-Agent and page URL are cleared through the one path the database
 * allows. Found by hash, so events of an earlier, erased subscriber of the same address are included.
 */
@Component
@Order(100)
class ConsentPersonalData implements PersonalData {

	private final ConsentLedger ledger;

	private final ConsentErasureStore erasures;

	private final Clock clock;

	ConsentPersonalData(ConsentLedger ledger, ConsentErasureStore erasures, Clock clock) {
		this.ledger = ledger;
		this.erasures = erasures;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "consentEvents";
	}

	@Override
	public List<ConsentHistoryEntry> describe(PersonRef person) {
		return ledger.historyOfAddress(person.addressHash());
	}

	@Override
	public void erase(PersonRef person) {
		erasures.erase(person.addressHash(), clock.instant());
	}

}
