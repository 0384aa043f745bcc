package org.callout.subscribers;

import java.time.Instant;

/**
 * Why an address is on the suppression list. It never holds the address: the list knows addresses only by
 * their keyed hash.
 *
 * @param reason a code: {@link Suppressions#NO_SUCH_USER}, {@link Suppressions#ORGANIZER}, or another one
 * @param detail what it rests on (the relay's reply, an organizer's note), one line of at most 500 characters, or null
 * @param source who suppressed it: {@link Suppressions#API} for an organizer, the sending engine's own code
 * @param suppressedAt when it was first suppressed (a later suppression keeps this one)
 */
public record Suppression(String reason, String detail, String source, Instant suppressedAt) {

	/**
	 * Whether the person's own new signup may still reach them: an erasure's suppression keeps imports and blasts
	 * away, but the confirmation email of a signup they make themselves goes out, and their confirmation lifts it.
	 * Every other reason (a bounce, an organizer) holds whatever the person does.
	 */
	public boolean yieldsToOwnSignup() {
		return Suppressions.ERASED.equals(reason);
	}

}
