package org.callout.campaigns.internal.email;

import java.util.Map;

import org.callout.campaigns.internal.templates.RenderedTemplate;
import org.callout.mail.MailComposer;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.EmailAddress;

/**
 * One supporter's campaign email, rendered, with the headers of every list email.
 *
 * @param rendered subject, text and HTML, and the language used
 * @param headers List-Unsubscribe, List-Unsubscribe-Post, List-Id, Feedback-ID
 * @param unsubscribeUrl the link in the email and its header
 * @param languageFallback the template had no part in the supporter's language: the default language was used
 */
public record CampaignEmail(RenderedTemplate rendered, Map<String, String> headers, String unsubscribeUrl,
		boolean languageFallback) {

	/** The message for the relay, with a new Message-ID on the sender's domain; To holds the address only. */
	public OutgoingEmail to(EmailAddress recipient, MailComposer composer) {
		return new OutgoingEmail(recipient, null, rendered.subject(), rendered.text(), rendered.html(), headers,
				composer.newMessageId(), composer.returnPath());
	}

}
