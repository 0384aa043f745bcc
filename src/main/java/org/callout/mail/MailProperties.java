package org.callout.mail;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Callout hands email over.
 *
 * @param transport {@code outbox} writes .eml files (embedded default); {@code smtp} sends through a relay
 * @param outboxDir where the outbox writes its files
 * @param replyTo an optional Reply-To address for supporter-facing email
 * @param templateCacheTtl how long an edited email template may take to be noticed
 * @param smtp the SMTP relay, when transport is smtp
 */
@ConfigurationProperties("callout.mail")
public record MailProperties(Transport transport, Path outboxDir, String replyTo, Duration templateCacheTtl,
		Smtp smtp) {

	public MailProperties {
		transport = transport == null ? Transport.OUTBOX : transport;
		templateCacheTtl = templateCacheTtl == null ? Duration.ofSeconds(5) : templateCacheTtl;
		smtp = smtp == null ? new Smtp(null, 0, null, null, null, null, null, 0) : smtp;
	}

	public enum Transport {

		OUTBOX, SMTP

	}

	public enum Security {

		/** Plain SMTP: only for a relay on loopback or a trusted network. */
		NONE,
		/** SMTP upgraded with STARTTLS, which the relay must offer (usually port 587). */
		STARTTLS,
		/** SMTP inside TLS from the first byte (usually port 465). */
		TLS

	}

	/**
	 * The SMTP relay.
	 *
	 * @param host relay host name
	 * @param port relay port
	 * @param security how the connection is protected
	 * @param username login, when the relay needs one
	 * @param password password, from the environment (CALLOUT_MAIL_SMTP_PASSWORD)
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for any answer
	 * @param poolSize connections kept open for reuse
	 */
	public record Smtp(String host, int port, Security security, String username, String password,
			Duration connectTimeout, Duration readTimeout, int poolSize) {

		public Smtp {
			host = host == null ? "localhost" : host;
			port = port == 0 ? 25 : port;
			security = security == null ? Security.NONE : security;
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
			readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
			poolSize = poolSize <= 0 ? 4 : poolSize;
		}

		@Override
		public String toString() {
			return "Smtp[" + host + ":" + port + ", " + security + "]";
		}

	}

}
