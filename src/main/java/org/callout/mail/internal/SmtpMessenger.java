package org.callout.mail.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailProperties;
import org.callout.mail.Messenger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through an SMTP relay over reused connections: a new connection per message costs an EHLO (and a TLS
 * handshake) each time. Idle connections wait in a small pool; a connection that failed is thrown away.
 */
class SmtpMessenger implements Messenger {

	private static final Logger log = LoggerFactory.getLogger(SmtpMessenger.class);

	private final Session session;

	private final MailProperties.Smtp smtp;

	private final BlockingQueue<Transport> idle;

	SmtpMessenger(Session session, MailProperties.Smtp smtp) {
		this.session = session;
		this.smtp = smtp;
		this.idle = new ArrayBlockingQueue<>(smtp.poolSize());
	}

	@Override
	public void send(MimeMessage message) {
		Transport transport = null;
		try {
			transport = borrow();
			transport.sendMessage(message, message.getAllRecipients());
			release(transport);
		}
		catch (MessagingException ex) {
			discard(transport);
			throw classify(ex);
		}
	}

	private Transport borrow() throws MessagingException {
		Transport transport;
		while ((transport = idle.poll()) != null) {
			if (transport.isConnected()) {
				return transport;
			}
		}
		transport = session.getTransport("smtp");
		transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()));
		return transport;
	}

	private void release(Transport transport) {
		if (!idle.offer(transport)) {
			discard(transport);
		}
	}

	private static void discard(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing a failed SMTP connection: {}", ex.getMessage());
			}
		}
	}

	static MailDeliveryException classify(MessagingException ex) {
		int code = 0;
		if (ex instanceof SMTPSendFailedException failed) {
			code = failed.getReturnCode();
		}
		else if (ex instanceof SendFailedException failed && failed.getNextException() instanceof SMTPAddressFailedException address) {
			code = address.getReturnCode();
		}
		boolean permanent = code >= 500 && code < 600;
		return new MailDeliveryException("SMTP relay " + (code > 0 ? "answered " + code : "failed") + ": "
				+ ex.getMessage(), ex, permanent, code);
	}

	@Override
	public String transportName() {
		return "smtp";
	}

	@Override
	public void close() {
		Transport transport;
		while ((transport = idle.poll()) != null) {
			discard(transport);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
