package org.callout.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.callout.platform.EmailAddress;

/**
 * An email to compose: both a plain-text and an HTML body, always. The caller sets its Message-ID and its
 * envelope, which delivery records and bounce matching need to know before it is sent.
 *
 * @param to the recipient, in the To header and the envelope
 * @param toName the recipient's name, or null; CR and LF are stripped before it reaches a header
 * @param subject the subject; CR and LF are stripped
 * @param text the plain-text body
 * @param html the HTML body
 * @param headers extra headers (List-Unsubscribe...); values are stripped of CR and LF
 * @param messageId the Message-ID, with its angle brackets ({@link MailComposer#newMessageId()} mints one)
 * @param returnPath the envelope sender (MAIL FROM), where bounces go
 */
public record OutgoingEmail(EmailAddress to, String toName, String subject, String text, String html,
		Map<String, String> headers, String messageId, EmailAddress returnPath) {

	public OutgoingEmail {
		headers = headers == null ? Map.of() : Map.copyOf(headers);
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(returnPath, "returnPath");
		if (!MESSAGE_ID.matcher(messageId).matches()) {
			throw new IllegalArgumentException("Not a Message-ID: " + messageId);
		}
	}

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");

	/** The envelope recipients (RCPT TO). */
	public List<EmailAddress> recipients() {
		return List.of(to);
	}

}
