package org.callout.mail;

import jakarta.mail.internet.MimeMessage;

/** Hands a composed message to the configured transport. Safe to call from many threads. */
public interface Messenger extends AutoCloseable {

	/**
	 * @return the relay's reply to the message (such as {@code 250 2.0.0 Ok: queued as 4XyZ}), or a note of where the
	 * transport put it
	 * @throws MailDeliveryException when the transport refused or failed; {@link MailDeliveryException#permanent()}
	 * tells a retry apart from a hard failure
	 */
	String send(MimeMessage message);

	/** How many sends may usefully run at once (the SMTP pool size); more would only wait for a connection. */
	default int parallelism() {
		return 1;
	}

	/**
	 * Opens up to {@code connections} connections to the relay ahead of a burst of sends, so that its first messages
	 * do not each wait for a connect; returns how many it opened. A connection that cannot be opened is left for the
	 * sends to report.
	 */
	default int open(int connections) {
		return 0;
	}

	/** {@code outbox} or {@code smtp}, for operators' eyes. */
	String transportName();

	/** Closes pooled connections. */
	@Override
	default void close() {
	}

}
