package org.callout.delivery.internal;

import org.callout.legislators.StoredDistricts;

/**
 * One claimed delivery, with what its message is written from.
 *
 * @param address the subscriber's address now (null when the subscriber is gone)
 * @param attempts tries so far
 */
record Delivery(long id, long blastId, long subscriberId, String address, String firstName, String zip, String language,
		StoredDistricts districts, int attempts) {
}
