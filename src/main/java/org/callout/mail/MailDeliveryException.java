package org.callout.mail;

/**
 * A message was not accepted. Permanent failures (SMTP 5xx) should not be retried; others (4xx, connection
 * trouble) may be.
 */
public class MailDeliveryException extends RuntimeException {

	private final boolean permanent;

	private final int smtpCode;

	public MailDeliveryException(String message, Throwable cause, boolean permanent, int smtpCode) {
		super(message, cause);
		this.permanent = permanent;
		this.smtpCode = smtpCode;
	}

	public boolean permanent() {
		return permanent;
	}

	/** The SMTP reply code, or 0 when there was none. */
	public int smtpCode() {
		return smtpCode;
	}

}
