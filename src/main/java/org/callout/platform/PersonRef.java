package org.callout.platform;

import java.util.List;

/**
 * One person as an access request or an erasure names them to every module that holds personal data.
 *
 * @param addressHash the keyed hash of their lower-cased address ({@link AddressHasher}): what outlives an erasure
 * @param subscriberIds the subscriber rows of that address (none for an address Callout does not hold)
 * @param ipAddresses the client addresses the consent ledger recorded for it, so that tables keyed by IP (rate
 *        limits) can be cleared too
 */
public record PersonRef(String addressHash, List<Long> subscriberIds, List<String> ipAddresses) {

	public PersonRef {
		subscriberIds = List.copyOf(subscriberIds);
		ipAddresses = List.copyOf(ipAddresses);
	}

}
