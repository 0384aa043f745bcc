package org.callout.mail.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailDeliveryException.Kind;
import org.callout.mail.MailProperties;
import org.callout.mail.Messenger;

/**
 * Sends through an SMTP relay over at most {@code pool-size} reused connections (a new connection per
 * message costs an EHLO, and a TLS handshake, each time). Each failure is classified: a final refusal of the
 * address, a temporary failure, or a relay fault, which pauses all sending until a probe gets through.
 */
class SmtpMessenger implements Messenger {

	private final SmtpPool pool;

	private final RelayStatus status;

	private final SameRefusals sameRefusals;

	private final int poolSize;

	SmtpMessenger(SmtpPool pool, int poolSize, RelayStatus status, MailProperties.Relay relay) {
		this.pool = pool;
		this.poolSize = poolSize;
		this.status = status;
		this.sameRefusals = new SameRefusals(relay.sameRefusalLimit());
	}

	@Override
	public String send(MimeMessage message) {
		String refusal = status.refusal();
		if (refusal != null) {
			throw new MailDeliveryException("Not sent: " + refusal, null, Kind.PAUSED, 0, null);
		}
		SmtpPool.Lease lease = borrow(false);
		try {
			return sendOn(lease.transport(), message, lease.unchecked());
		}
		catch (ClosedAtMailFrom closed) {
			// Reused unchecked and found closed at MAIL FROM: nothing of the message went, so once more on a
			// connection that is checked (or new).
			return sendOn(borrow(true).transport(), message, false);
		}
	}

	private String sendOn(Transport transport, MimeMessage message, boolean mayBeClosed) {
		String reply;
		try {
			transport.sendMessage(message, message.getAllRecipients());
			reply = transport instanceof SMTPTransport smtp ? SmtpReplies.oneLine(smtp.getLastServerResponse()) : null;
		}
		catch (MessagingException ex) {
			// Whatever the relay answered, the session's state is unknown now: start the next send afresh.
			pool.discard(transport);
			// Only if no content went: a failed write after it (an RSET after no reply to ".") would read the same.
			if (mayBeClosed && closedBeforeTheMessage(ex)
					&& !(transport instanceof PipeliningTransport pipelining && pipelining.contentStarted())) {
				throw new ClosedAtMailFrom();
			}
			throw failed(sameRefusals.check(SmtpReplies.classify(ex, recipientCount(message)), firstRecipient(message)));
		}
		catch (RuntimeException ex) {
			pool.discard(transport); // Angus's unchecked failures too: the pool's slot must come back.
			throw ex;
		}
		pool.release(transport);
		sameRefusals.clear();
		status.succeeded();
		return reply;
	}

	private static final class ClosedAtMailFrom extends RuntimeException {

		ClosedAtMailFrom() {
			super(null, null, false, false);
		}

	}

	/**
	 * The connection was found gone before the relay could have taken the message: no reply at all to MAIL FROM, or
	 * a command that could not be written (Angus's words for it; a relay accepts a message only after reading all of
	 * it). A reply of any kind, or a read that failed after the message was written, is not this: the message may
	 * have been taken.
	 */
	static boolean closedBeforeTheMessage(MessagingException ex) {
		if (ex instanceof SMTPSendFailedException failed) {
			return failed.getReturnCode() < 0 && failed.getCommand() != null
					&& failed.getCommand().regionMatches(true, 0, "MAIL", 0, 4);
		}
		return ex.getMessage() != null && ex.getMessage().startsWith("Can't send command")
				&& ex.getCause() instanceof java.io.IOException;
	}

	private SmtpPool.Lease borrow(boolean check) {
		try {
			return pool.borrow(check);
		}
		catch (SmtpPool.ConnectFailedException ex) {
			// A 5xx before any message (greeting, EHLO, AUTH) is the relay refusing us; no answer at all (down,
			// unreachable) or a 4xx is passing, and each message is retried with its own backoff.
			Kind kind = ex.replyCode() >= 500 ? Kind.RELAY_FAULT : Kind.TEMPORARY;
			throw failed(new MailDeliveryException("Could not connect or log in to the SMTP relay: " + ex.getMessage(), ex,
					kind, ex.replyCode(), ex.getMessage()));
		}
		catch (SmtpPool.NoFreeConnectionException ex) {
			throw failed(new MailDeliveryException(ex.getMessage(), ex, Kind.TEMPORARY, 0, null));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failed(new MailDeliveryException("Interrupted while waiting for an SMTP connection", ex, Kind.TEMPORARY,
					0, null));
		}
	}

	private MailDeliveryException failed(MailDeliveryException failure) {
		if (failure.kind() == Kind.RELAY_FAULT) {
			status.faulted(SmtpReplies.oneLine(failure.getMessage()), failure.getCause());
		}
		else {
			status.probeDone();
		}
		return failure;
	}

	private static int recipientCount(MimeMessage message) {
		try {
			Address[] all = message.getAllRecipients();
			return all == null ? 0 : all.length;
		}
		catch (MessagingException ex) {
			return 0;
		}
	}

	private static String firstRecipient(MimeMessage message) {
		try {
			Address[] all = message.getAllRecipients();
			return all == null || all.length == 0 ? "" : all[0].toString();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	@Override
	public int parallelism() {
		return poolSize;
	}

	@Override
	public int open(int connections) {
		// Not while a relay fault pauses sending: the probe schedule is the only knocking on a relay that refused
		// (a login refused several times over may lock the account).
		return status.snapshot().paused() ? 0 : pool.open(connections);
	}

	@Override
	public String transportName() {
		return "smtp";
	}

	@Override
	public void close() {
		pool.close();
	}

}
