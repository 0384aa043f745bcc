package org.callout.subscribers;

import java.time.Instant;

import org.callout.platform.EmailAddress;

/**
 * A person who signed up.
 *
 * @param id their id
 * @param email their normalized address
 * @param firstName first name as typed
 * @param lastName last name as typed
 * @param zip 5-digit ZIP or ZIP+4
 * @param streetAddress optional, to find their legislators
 * @param language preferred language tag
 * @param createdAt when they first signed up
 */
public record Subscriber(long id, EmailAddress email, String firstName, String lastName, String zip,
		String streetAddress, String language, Instant createdAt) {
}
