package org.callout.signup.internal;


/**
 * What the public form posts, bound field by field, and shown again as typed when something needs fixing.
 * {@code website} is the honeypot; {@code stamp} the signed time the form was shown.
 */
public record JoinForm(String email, String firstName, String lastName, String zip, String streetAddress, String consent,
		String termsVersion, String list, String stamp, String website) {

	static JoinForm empty(String list) {
		return new JoinForm("", "", "", "", "", null, null, list, null, null);
	}

	public boolean consented() {
		return "true".equals(consent);
	}

	SignupRequest toRequest(String language, String pageUrl) {
		return new SignupRequest(email, firstName, lastName, zip, streetAddress, language, list, termsVersion, consented(),
				pageUrl, "join", website);
	}

}
