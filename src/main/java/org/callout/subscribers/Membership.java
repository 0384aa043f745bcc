package org.callout.subscribers;

import java.time.Instant;

/**
 * A subscriber's consent status on one list.
 *
 * @param subscriberId the subscriber
 * @param listId the list
 * @param status the consent status
 * @param confirmationNonce what the pending confirmation link must carry, or null when none is pending
 * @param confirmationSentAt when a confirmation was last queued, or null
 */
public record Membership(long subscriberId, long listId, MembershipStatus status, String confirmationNonce,
		Instant confirmationSentAt) {
}
