package org.callout.delivery.internal;

/**
 * What handing one message to the transport came to.
 *
 * @param kind what to record
 * @param reply the relay's reply, or null
 * @param messageId the message's Message-ID
 */
record Outcome(Kind kind, String reply, String messageId) {

	enum Kind {

		/** Accepted. */
		SENT,
		/** A passing failure (4xx, a dropped connection): try again later. */
		DEFERRED,
		/** Refused for good for this address. */
		REFUSED,
		/** The relay itself fails: nothing is wrong with the message; put it back untouched and pause. */
		RELAY_FAULT,
		/** Not handed over: the send-by time came first. */
		TOO_LATE,
		/** Not made: the template could not be rendered for this recipient ({@code reply} says why). */
		UNMADE

	}

	/** Whether the relay saw this message (its tokens were spent). */
	boolean tried() {
		return kind != Kind.RELAY_FAULT && kind != Kind.TOO_LATE && kind != Kind.UNMADE;
	}

}
