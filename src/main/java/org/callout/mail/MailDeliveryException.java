package org.callout.mail;

/**
 * A message was not accepted. {@link #kind()} says what the sender should do about it.
 */
public class MailDeliveryException extends RuntimeException {

	public enum Kind {

		/** The relay refused this address for good (5xx to RCPT TO, such as 550 5.1.1): do not retry it. */
		ADDRESS_REFUSED,
		/** A passing failure (4xx, a dropped connection, no free connection in time): retry with backoff. */
		TEMPORARY,
		/**
		 * The relay itself refuses (connect, EHLO, AUTH, MAIL FROM, 5.7.x, or one reply for many recipients):
		 * nothing is wrong with the message; sending pauses and probes until the relay works again.
		 */
		RELAY_FAULT,
		/** Not attempted: sending is paused by an earlier relay fault. Put the message back as it was. */
		PAUSED

	}

	private final Kind kind;

	private final int smtpCode;

	private final String reply;

	public MailDeliveryException(String message, Throwable cause, Kind kind, int smtpCode, String reply) {
		super(message, cause);
		this.kind = kind;
		this.smtpCode = smtpCode;
		this.reply = reply;
	}

	public Kind kind() {
		return kind;
	}

	/** True only for a final refusal of the address. */
	public boolean permanent() {
		return kind == Kind.ADDRESS_REFUSED;
	}

	/** The SMTP reply code, or 0 when there was none. */
	public int smtpCode() {
		return smtpCode;
	}

	/** The relay's reply line(s), or null when there was none. */
	public String reply() {
		return reply;
	}

}
