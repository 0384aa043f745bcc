package org.callout.subscribers;

import org.callout.platform.EmailAddress;

/** What a signup knows about a person who may not be a subscriber yet. */
public record NewSubscriber(EmailAddress email, String firstName, String lastName, String zip, String streetAddress,
		String language) {

	/** The details as a correction would carry them. */
	public SubscriberDetails details() {
		return new SubscriberDetails(firstName, lastName, zip, streetAddress, language);
	}

}
