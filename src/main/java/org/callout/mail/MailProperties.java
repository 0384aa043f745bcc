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
 * @param returnPath the envelope sender (MAIL FROM, where bounces go); blank: the organization's sender address
 * @param relay the relay's own allowance, shared by every sender and every instance on one database
 * @param unsubscribeMailbox the {@code mailto:} of every campaign email's List-Unsubscribe header; until inbound
 * mail is processed, someone must read it and honour its requests by hand; blank: the organization's sender address
 * @param dkim DKIM signing by Callout itself; off unless a private key is configured (many relays sign instead)
 */
@ConfigurationProperties("callout.mail")
public record MailProperties(Transport transport, Path outboxDir, String replyTo, Duration templateCacheTtl,
		Smtp smtp, String returnPath, Relay relay, String unsubscribeMailbox, Dkim dkim) {

	public MailProperties {
		transport = transport == null ? Transport.OUTBOX : transport;
		templateCacheTtl = templateCacheTtl == null ? Duration.ofSeconds(5) : templateCacheTtl;
		smtp = smtp == null ? new Smtp(null, 0, null, null, null, null, null, 0, null) : smtp;
		relay = relay == null ? new Relay(0, 0, 0, null, null, 0) : relay;
		dkim = dkim == null ? new Dkim(null, null, null, null) : dkim;
	}

	/**
	 * DKIM signing of every outgoing message (rsa-sha256, relaxed/relaxed). Off while neither key setting is set:
	 * operators whose relay signs (OpenDKIM, Amazon SES) leave both empty.
	 *
	 * @param domain the signing domain (d=); blank: the organization's sender domain, which DMARC aligns with From
	 * @param selector the selector (s=): the public key is published at {@code <selector>._domainkey.<domain>}
	 * @param privateKey the RSA private key in PEM, from the environment only (CALLOUT_MAIL_DKIM_PRIVATE_KEY)
	 * @param privateKeyFile or the path of a file holding it (CALLOUT_MAIL_DKIM_PRIVATE_KEY_FILE), readable by Callout alone
	 */
	public record Dkim(String domain, String selector, String privateKey, String privateKeyFile) {

		public Dkim {
			domain = domain == null || domain.isBlank() ? null : domain.strip();
			selector = selector == null || selector.isBlank() ? "callout" : selector.strip();
			privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey;
			privateKeyFile = privateKeyFile == null || privateKeyFile.isBlank() ? null : privateKeyFile.strip();
		}

		/** Whether Callout signs: a key is configured, inline or as a file. */
		public boolean enabled() {
			return privateKey != null || privateKeyFile != null;
		}

		/** Never prints the key, should this record reach a log or an error message. */
		@Override
		public String toString() {
			return "Dkim[" + (enabled() ? "d=" + (domain == null ? "the sender's domain" : domain) + ", s=" + selector : "off")
					+ "]";
		}

	}

	/**
	 * What the relay allows (a provider's sending limits). Zero means unlimited.
	 *
	 * @param perSecond messages per second, across all instances
	 * @param perHour messages per hour, across all instances
	 * @param oneOffReserve the share of each allowance that bulk sends leave for one-off emails (confirmations,
	 * test emails), so these never queue behind a blast
	 * @param relayFaultFirstPause how long sending pauses after a relay fault before the first probe
	 * @param relayFaultLongestPause the longest pause between probes while the fault lasts
	 * @param sameRefusalLimit this many different recipients refused in a row with the same reply mean the
	 * relay, not the addresses, is at fault
	 */
	public record Relay(int perSecond, int perHour, double oneOffReserve, Duration relayFaultFirstPause,
			Duration relayFaultLongestPause, int sameRefusalLimit) {

		public Relay {
			oneOffReserve = oneOffReserve <= 0 || oneOffReserve >= 1 ? 0.1 : oneOffReserve;
			relayFaultFirstPause = relayFaultFirstPause == null ? Duration.ofSeconds(5) : relayFaultFirstPause;
			relayFaultLongestPause = relayFaultLongestPause == null ? Duration.ofMinutes(5) : relayFaultLongestPause;
			sameRefusalLimit = sameRefusalLimit <= 1 ? 3 : sameRefusalLimit;
		}

		public boolean unlimited() {
			return perSecond <= 0 && perHour <= 0;
		}

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
	 * @param poolSize the most connections open at once, in use or idle
	 * @param borrowTimeout how long a sender waits for a free connection before the send fails (and is retried)
	 */
	public record Smtp(String host, int port, Security security, String username, String password,
			Duration connectTimeout, Duration readTimeout, int poolSize, Duration borrowTimeout) {

		public Smtp {
			host = host == null ? "localhost" : host;
			port = port == 0 ? 25 : port;
			security = security == null ? Security.NONE : security;
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
			readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
			poolSize = poolSize <= 0 ? 4 : poolSize;
			borrowTimeout = borrowTimeout == null ? Duration.ofSeconds(30) : borrowTimeout;
		}

		@Override
		public String toString() {
			return "Smtp[" + host + ":" + port + ", " + security + "]";
		}

	}

}
