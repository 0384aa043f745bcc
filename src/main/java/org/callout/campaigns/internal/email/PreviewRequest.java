package org.callout.campaigns.internal.email;

/**
 * Whom to preview (or test-send) a template for: a stored subscriber, or whoever lives at a ZIP and address.
 *
 * @param to the address a test send goes to (ignored by a preview)
 * @param subscriberId a subscriber: their name, language, districts and lists
 * @param zip instead of a subscriber: a ZIP code, looked up now
 * @param address with {@code zip}: a street address, optional
 * @param firstName with {@code zip}: a first name, optional
 * @param language the language; default: the subscriber's, else the default language
 * @param ask {@code auto | both | senate | assembly | governor | none}; default {@code auto}
 * @param billId the bill; default: the tracked bill whose status changed last, if any
 */
public record PreviewRequest(String to, Long subscriberId, String zip, String address, String firstName, String language,
		String ask, Long billId) {
}
