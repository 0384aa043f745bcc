package org.callout.consent;

/** What a consent event records. */
public enum ConsentKind {

	/** The person submitted a form or API call agreeing to the terms; not yet proven to own the address. */
	GRANTED,
	/** The owner of the address confirmed through the emailed link. */
	CONFIRMED,
	/** Consent was withdrawn (unsubscribe). */
	WITHDRAWN,
	/** The owner of the address said they never signed up. */
	REPORTED_NOT_ME

}
