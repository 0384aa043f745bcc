package org.callout.mail;

import java.time.Duration;

/**
 * The relay's allowance ({@code callout.mail.relay.per-second}, {@code per-hour}), drawn by every sender on
 * every instance sharing the database. Tokens are taken per chunk of messages, not per message. The
 * {@link Lane#ONE_OFF} lane may use the whole allowance; {@link Lane#BULK} leaves a reserve
 * ({@code one-off-reserve}) untouched, so a confirmation never waits behind a blast.
 */
public interface RelayBudget {

	enum Lane {

		/** Confirmations, test emails: one message for one person who is waiting for it. */
		ONE_OFF,
		/** Blasts. */
		BULK

	}

	/**
	 * Takes up to {@code messages} tokens, waiting at most {@code maxWait} for the first one.
	 *
	 * @return how many messages may be sent now: between 0 (the wait ran out) and {@code messages}
	 */
	int acquire(Lane lane, int messages, Duration maxWait);

	/**
	 * Gives back tokens that were acquired but not used (a chunk that stopped early: shutting down, a relay fault),
	 * whichever lane took them, never above the allowance.
	 */
	void giveBack(int messages);

}
