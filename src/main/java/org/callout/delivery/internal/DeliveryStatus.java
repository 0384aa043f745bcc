package org.callout.delivery.internal;

/** What happened to one recipient's message. */
enum DeliveryStatus {

	/** Not tried yet (or put back unsent after a relay fault). */
	PENDING,
	/** The relay answered 4xx; tried again after next_attempt_at. */
	DEFERRED,
	/** Accepted by the relay, with its reply and the Message-ID. */
	SENT,
	/** Refused for good (5xx for the address), or deferred too often. */
	FAILED,
	/** Not sent, with the reason (unsubscribed, the template failed for this person, the blast was cancelled). */
	SKIPPED,
	/** Not handed to SMTP before the blast's send-by time. */
	EXPIRED;

	boolean open() {
		return this == PENDING || this == DEFERRED;
	}

}
