package org.callout.signup.internal;

import org.callout.platform.EmailAddress;

/** A signup whose fields passed every rule, normalized. */
public record ValidSignup(EmailAddress email, String firstName, String lastName, String zip, String streetAddress,
		String language, String listSlug, String termsVersion, String pageUrl, String formId) {
}
