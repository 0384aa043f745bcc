package org.callout.signup.internal;

/**
 * A signup as the public API and the form submit it.
 *
 * @param email the address
 * @param firstName first name
 * @param lastName last name
 * @param zip 5-digit ZIP or ZIP+4
 * @param streetAddress optional street address
 * @param language preferred language tag (en, es...)
 * @param list the list's slug; the default list when empty
 * @param termsVersion the consent terms version the form showed
 * @param consent must be the JSON value {@code true}: not 1, not "true", not "yes"
 * @param pageUrl the page the form was on
 * @param formId the organizer's name for the form
 * @param website the honeypot: people leave it empty, bots fill it
 */
public record SignupRequest(String email, String firstName, String lastName, String zip, String streetAddress,
		String language, String list, String termsVersion, Object consent, String pageUrl, String formId,
		String website) {
}
