package org.callout.mail.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailDeliveryException.Kind;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Tells an address's refusal from a relay fault, from the command that failed, its reply code and its
 * enhanced status code (RFC 3463). Only a 5xx to RCPT TO (or to DATA, with one recipient) whose enhanced
 * code is about the address (5.1.x, 5.2.x) or absent is final for the address; 5.7.x (authentication,
 * relay denied, policy) and 5xx anywhere else mean the relay or our set-up is wrong, which must never
 * drop a message. Anything without a 5xx is temporary.
 */
final class SmtpReplies {

	private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

	private SmtpReplies() {
	}

	/** A failure of {@code sendMessage} on an open connection, for a message with {@code recipients} recipients. */
	static MailDeliveryException classify(MessagingException ex, int recipients) {
		int code = 0;
		String command = "";
		String reply = null;
		if (ex instanceof SMTPSendFailedException failed) {
			code = failed.getReturnCode();
			command = failed.getCommand();
			reply = failed.getMessage();
		}
		else if (ex instanceof SendFailedException failed && failed.getNextException() instanceof SMTPAddressFailedException address) {
			code = address.getReturnCode();
			command = address.getCommand();
			reply = address.getMessage();
		}
		command = command == null ? "" : command.toUpperCase(Locale.ROOT);
		Kind kind = kind(code, command, reply, recipients);
		return new MailDeliveryException("SMTP relay " + (code > 0 ? "answered " + oneLine(reply) + " to " + verb(command)
				: "failed: " + ex.getMessage()), ex, kind, code, reply == null ? null : oneLine(reply));
	}

	static Kind kind(int code, String command, String reply, int recipients) {
		if (code < 500 || code > 599) {
			return Kind.TEMPORARY;
		}
		Matcher enhanced = ENHANCED.matcher(reply == null ? "" : reply);
		String subject = enhanced.find() ? enhanced.group(2) : null;
		if ("7".equals(subject)) {
			return Kind.RELAY_FAULT;
		}
		boolean aboutTheAddress = subject == null || subject.equals("1") || subject.equals("2");
		boolean recipientStage = command.startsWith("RCPT") || (recipients == 1 && (command.startsWith("DATA") || command.equals(".")));
		return recipientStage && aboutTheAddress ? Kind.ADDRESS_REFUSED : Kind.RELAY_FAULT;
	}

	/** "550 5.1.1": what two refusals must share to count as the same reply. */
	static String signature(String reply) {
		if (reply == null) {
			return "";
		}
		Matcher enhanced = ENHANCED.matcher(reply);
		String code = reply.length() >= 3 ? reply.substring(0, 3) : reply;
		return enhanced.find() ? code + " " + enhanced.group() : code;
	}

	private static String verb(String command) {
		if (command.isEmpty()) {
			return "the message";
		}
		if (command.equals(".")) {
			return "DATA";
		}
		int colon = command.indexOf(':');
		return colon > 0 ? command.substring(0, colon) : command;
	}

	static String oneLine(String reply) {
		return reply == null ? "" : LINE_BREAKS.matcher(reply).replaceAll(" ").strip();
	}

	// Compiled once: every accepted message's reply comes through here.
	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

}
