package org.callout.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * The last step of {@link MailComposer#compose}: DKIM signing when a key is configured, else nothing. The one
 * place every outgoing message passes, so each transport (SMTP, the outbox) sends what was signed.
 */
public interface MessageSigner {

	/** Signing off: the relay signs, or nobody does. */
	MessageSigner NONE = composed -> composed;

	/**
	 * The message to hand to a transport, with the composed one's Message-ID and envelope sender.
	 */
	MimeMessage sign(SMTPMessage composed) throws MessagingException;

}
