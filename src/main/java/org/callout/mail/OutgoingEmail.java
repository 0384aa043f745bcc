package org.callout.mail;

import java.util.Map;

import org.callout.platform.EmailAddress;

/**
 * An email to compose: both a plain-text and an HTML body, always.
 *
 * @param to the recipient
 * @param toName the recipient's name, or null; CR and LF are stripped before it reaches a header
 * @param subject the subject; CR and LF are stripped
 * @param text the plain-text body
 * @param html the HTML body
 * @param headers extra headers (List-Unsubscribe...); values are stripped of CR and LF
 */
public record OutgoingEmail(EmailAddress to, String toName, String subject, String text, String html,
		Map<String, String> headers) {

	public OutgoingEmail {
		headers = headers == null ? Map.of() : Map.copyOf(headers);
	}

}
