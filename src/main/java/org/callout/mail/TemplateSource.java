package org.callout.mail;

import java.util.Optional;

/**
 * Where email templates come from: files under {@code templates/mail/} for the system emails, and later
 * organizer copies kept in the database. {@link MailTemplates} asks each source in order.
 */
public interface TemplateSource {

	/**
	 * The template's text and HTML parts in that language, or empty when this source has none.
	 *
	 * @param name the template's name, such as {@code confirm-subscription}
	 * @param language a language tag such as {@code es}
	 */
	Optional<EmailTemplate> find(String name, String language);

	/**
	 * An email template as written, in Mustache.
	 *
	 * @param text the plain-text part; its first line is {@code Subject: ...}
	 * @param html the HTML part
	 * @param origin where it came from (a file path, a database version), for error messages
	 */
	record EmailTemplate(String text, String html, String origin) {
	}

}
