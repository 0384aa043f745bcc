package org.callout.subscribers;

import java.time.Instant;

/**
 * A membership ended: from then on the list sends this subscriber nothing. Published in the transaction
 * that ends it, so a running blast can drop the address before it is handed to SMTP.
 *
 * @param subscriberId the subscriber
 * @param listId the list left
 * @param reason why
 * @param at when
 */
public record SubscriberUnsubscribed(long subscriberId, long listId, Reason reason, Instant at) {

	/** Why a membership ended. */
	public enum Reason {

		/** The owner of the address said the signup was not theirs. */
		NOT_ME,
		/** The subscriber used an unsubscribe link. */
		UNSUBSCRIBED

	}

}
