package org.callout.mail.internal;

import java.util.Properties;


import org.callout.mail.MailProperties;

/**
 * Jakarta Mail session settings for the relay, with the three that decide throughput: no host-name lookups, TCP_NODELAY, and
 * no {@code mail.smtp.writetimeout} (its timer around every write; {@link WriteWatchdog} keeps the timeout instead).
 */
final class SmtpSessionProperties {

	private SmtpSessionProperties() {
	}

	static Properties of(MailProperties.Smtp smtp, String localDomain) {
		Properties props = new Properties();
		// Angus would otherwise resolve the local host name for EHLO and Message-ID, slowly on some hosts.
		props.put("mail.host", localDomain);
		props.put("mail.smtp.localhost", localDomain);
		props.put("mail.smtp.host", smtp.host());
		props.put("mail.smtp.port", String.valueOf(smtp.port()));
		props.put("mail.smtp.connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
		props.put("mail.smtp.timeout", String.valueOf(smtp.readTimeout().toMillis()));
		props.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
		// A connection closed in the middle of a message (a write failed) must not wait a read timeout for QUIT's reply.
		props.put("mail.smtp.quitwait", "false");
		// TCP_NODELAY, and a write timeout as long as the read timeout (not mail.smtp.writetimeout: RelaySocketFactory says why).
		RelaySocketFactory sockets = new RelaySocketFactory(smtp.readTimeout());
		props.put("mail.smtp.socketFactory", sockets);
		props.put("mail.smtp.socketFactory.fallback", "false");
		props.put("mail.smtp.ssl.socketFactory", sockets);
		switch (smtp.security()) {
			case STARTTLS -> {
				props.put("mail.smtp.starttls.enable", "true");
				props.put("mail.smtp.starttls.required", "true");
				props.put("mail.smtp.ssl.checkserveridentity", "true");
			}
			case TLS -> {
				props.put("mail.smtp.ssl.enable", "true");
				props.put("mail.smtp.ssl.checkserveridentity", "true");
			}
			case NONE -> {
			}
		}
		return props;
	}

}
