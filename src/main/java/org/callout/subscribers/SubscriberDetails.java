package org.callout.subscribers;

/**
 * What an organizer may correct about a subscriber. Values are already checked and normalized.
 *
 * @param firstName first name
 * @param lastName last name
 * @param zip 5-digit ZIP or ZIP+4
 * @param streetAddress street address, or null
 * @param language preferred language tag
 */
public record SubscriberDetails(String firstName, String lastName, String zip, String streetAddress, String language) {
}
