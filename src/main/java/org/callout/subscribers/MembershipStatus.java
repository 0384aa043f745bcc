package org.callout.subscribers;

/** Consent status of one subscriber on one list. */
public enum MembershipStatus {

	/** Signed up, confirmation email pending: receives nothing but the confirmation. */
	UNCONFIRMED,
	/** Confirmed through the emailed link: receives the list's emails. */
	CONFIRMED,
	/** Left (or reported the signup as not theirs): receives nothing; coming back needs a new confirmation. */
	UNSUBSCRIBED

}
