package org.callout.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.callout.platform.EmailAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Builds every outgoing email the same way: From with the organization's name, Date, the caller's Message-ID
 * and envelope sender, multipart/alternative with a text and an HTML part, then hands it to the
 * {@link MessageSigner} (DKIM, when configured). Anything that reaches a header is stripped of CR and
 * LF so supporter input can never add a header.
 */
public final class MailComposer {

	private final Session session;

	private final InternetAddress from;

	private final InternetAddress replyTo;

	private final String messageIdDomain;

	private final EmailAddress returnPath;

	private final MessageSigner signer;

	private final Subjects subjects = new Subjects();

	public MailComposer(Session session, String senderName, String senderAddress, String replyTo, String returnPath) {
		this(session, senderName, senderAddress, replyTo, returnPath, MessageSigner.NONE);
	}

	public MailComposer(Session session, String senderName, String senderAddress, String replyTo, String returnPath,
			MessageSigner signer) {
		this.session = session;
		this.signer = signer;
		try {
			this.from = new InternetAddress(senderAddress, oneLine(senderName), StandardCharsets.UTF_8.name());
			this.replyTo = (replyTo == null || replyTo.isBlank()) ? null : new InternetAddress(replyTo, true);
		}
		catch (UnsupportedEncodingException | MessagingException ex) {
			throw new IllegalArgumentException("Invalid sender or Reply-To address in configuration", ex);
		}
		this.messageIdDomain = senderAddress.substring(senderAddress.lastIndexOf('@') + 1);
		this.returnPath = EmailAddress.parse(returnPath == null || returnPath.isBlank() ? senderAddress : returnPath);
	}

	/** A new, unique Message-ID under the sender's domain (so Angus never looks up the local host name). */
	public String newMessageId() {
		return "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
	}

	/** The configured envelope sender ({@code callout.mail.return-path}, else the sender address). */
	public EmailAddress returnPath() {
		return returnPath;
	}

	/**
	 * The message, with the email's own Message-ID, and its return path as the envelope sender (an Angus
	 * {@link SMTPMessage}, whose envelope-from the SMTP transport uses for MAIL FROM). DKIM-signed when a key is
	 * configured: the signature is made each time the message is written, by whichever transport.
	 */
	public MimeMessage compose(OutgoingEmail email) {
		try {
			PreparedMessage message = new PreparedMessage(session);
			message.setEnvelopeFrom(email.returnPath().value());
			message.setHeader("Message-ID", email.messageId());
			message.setFrom(from);
			if (replyTo != null) {
				message.setReplyTo(new InternetAddress[] { replyTo });
			}
			String name = oneLine(email.toName());
			message.setRecipient(MimeMessage.RecipientType.TO, (name == null || name.isBlank())
					? new InternetAddress(email.to().value()) : new InternetAddress(email.to().value(), name, "UTF-8"));
			if (email.subject() != null) { // as setSubject(null): no Subject header
				message.setHeader("Subject", subjects.header(oneLine(email.subject())));
			}
			message.setHeader("Date", MailDates.now());
			for (Map.Entry<String, String> header : email.headers().entrySet()) {
				message.setHeader(oneLine(header.getKey()), oneLine(header.getValue()));
			}
			MimeBody.alternative(message, email.text(), email.html());
			return signer.sign(message);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new IllegalStateException("Could not compose an email", ex);
		}
	}

	/**
	 * Removes CR, LF and other control characters, which in a header would start a new header. A scan first: a
	 * header value almost never holds one, and this runs for every header of every message.
	 */
	static String oneLine(String value) {
		if (value == null) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			if (control(value.charAt(i))) {
				return CONTROLS.matcher(value).replaceAll(" ").strip();
			}
		}
		return value.strip();
	}

	private static final Pattern CONTROLS = Pattern.compile("[\\r\\n\\u0000-\\u001f\\u007f\\u2028\\u2029]+");

	private static boolean control(char c) {
		return c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029;
	}

	/**
	 * A message whose body is already bytes ({@link MimeBody}): written as its headers and those bytes, unless
	 * something changes its content later. Keeps the Message-ID the caller set: MimeMessage would replace it with
	 * its own on saveChanges.
	 */
	static final class PreparedMessage extends SMTPMessage {

		PreparedMessage(Session session) {
			super(session);
		}

		/** The body as written: MimeMessage then writes its headers and these bytes, and parses them only if read. */
		void body(byte[] bytes) {
			content = bytes;
			modified = false;
			saved = true;
		}

		@Override
		protected void updateMessageID() {
		}

	}

}
