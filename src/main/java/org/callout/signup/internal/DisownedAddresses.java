package org.callout.signup.internal;

import java.time.Clock;

import org.callout.consent.ConsentLedger;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;

import org.springframework.stereotype.Component;

/**
 * Addresses whose owner said "this wasn't me" within the quiet period: signups of them store and send
 * nothing. The ledger knows addresses only by their keyed hash, so that the answer outlives an erasure.
 */
@Component
class DisownedAddresses {

	private final ConsentLedger ledger;

	private final AddressHasher hasher;

	private final SignupProperties properties;

	private final Clock clock;

	DisownedAddresses(ConsentLedger ledger, AddressHasher hasher, SignupProperties properties, Clock clock) {
		this.ledger = ledger;
		this.hasher = hasher;
		this.properties = properties;
		this.clock = clock;
	}

	boolean isDisowned(EmailAddress address) {
		return ledger.reportedNotMeSince(hash(address), clock.instant().minus(properties.notMeQuietPeriod()));
	}

	String hash(EmailAddress address) {
		return hasher.hash(address.matchKey());
	}

}
