package org.callout.mail.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Session;
import org.callout.mail.MailComposer;
import org.callout.mail.MailProperties;
import org.callout.mail.MailTemplates;
import org.callout.mail.MessageSigner;
import org.callout.mail.Messenger;
import org.callout.mail.TemplateSource;
import org.callout.platform.AddressHasher;
import org.callout.platform.CalloutProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	static {
		// The one place this is set, before any mail class asks for a StreamProvider: without it jakarta.mail-api
		// 2.1 runs a ServiceLoader scan on every multipart encode (45% of CPU in a profile here); with it,
		// building a message measured 2.9x faster and sending about 2x faster.
		System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
	}

	@Bean
	Session mailSession(MailProperties mail, CalloutProperties callout) {
		Properties properties = SmtpSessionProperties.of(mail.smtp(), senderDomain(callout));
		return Session.getInstance(properties);
	}

	@Bean
	MailComposer mailComposer(Session mailSession, MailProperties mail, CalloutProperties callout) {
		CalloutProperties.Organization organization = callout.organization();
		return new MailComposer(mailSession, organization.name(), organization.senderAddress(), mail.replyTo(),
				mail.returnPath(), messageSigner(mail.dkim(), senderDomain(callout)));
	}

	/** Off unless a key is configured; an unusable key stops start-up (DkimKeyFailureAnalyzer says why). */
	private static MessageSigner messageSigner(MailProperties.Dkim dkim, String senderDomain) {
		if (!dkim.enabled()) {
			log.info("DKIM signing: off (no callout.mail.dkim key); the relay must sign, covering List-Unsubscribe and "
					+ "List-Unsubscribe-Post");
			return MessageSigner.NONE;
		}
		String domain = dkim.domain() != null ? dkim.domain() : senderDomain;
		if (!senderDomain.equalsIgnoreCase(domain) && !senderDomain.toLowerCase(Locale.ROOT).endsWith("." + domain.toLowerCase(Locale.ROOT))) {
			log.warn("DKIM signing domain {} is neither the sender's domain {} nor a parent of it: DMARC will not count "
					+ "the signature", domain, senderDomain);
		}
		DkimMessageSigner signer = new DkimMessageSigner(domain, dkim.selector(), DkimKeys.load(dkim));
		log.info("DKIM signing: on, d={} s={} with a {}-bit RSA key; publish its public key at {}._domainkey.{}",
				signer.domain(), signer.selector(), signer.keyBits(), signer.selector(), signer.domain());
		return signer;
	}

	@Bean(destroyMethod = "close")
	Messenger messenger(Session mailSession, MailProperties mail, CalloutProperties callout, RelayStatus relayStatus) {
		return switch (mail.transport()) {
			case SMTP -> new SmtpMessenger(new SmtpPool(mailSession, mail.smtp()), mail.smtp().poolSize(), relayStatus,
					mail.relay());
			case OUTBOX -> new OutboxMessenger(outboxDir(mail, callout));
		};
	}

	/** The outbox's part of an access request and an erasure; an erasure deletes the files to the person. */
	@Bean
	@Order(600)
	OutboxPersonalData outboxPersonalData(MailProperties mail, CalloutProperties callout, AddressHasher hasher) {
		return new OutboxPersonalData(outboxDir(mail, callout), hasher);
	}

	private static Path outboxDir(MailProperties mail, CalloutProperties callout) {
		return mail.outboxDir() != null ? mail.outboxDir() : callout.dataDir().resolve("outbox");
	}

	@Bean
	FileTemplateSource fileTemplateSource(MailProperties mail, CalloutProperties callout, Clock clock) {
		return new FileTemplateSource(callout.templatesDir(), mail.templateCacheTtl(), clock);
	}

	/** Sources in order: a module may add its own (campaigns: organizer copies) ahead of the files. */
	@Bean
	MailTemplates mailTemplates(ObjectProvider<TemplateSource> sources, CalloutProperties callout) {
		return new MailTemplates(sources.orderedStream().toList(), callout.defaultLanguage());
	}

	private static String senderDomain(CalloutProperties callout) {
		String sender = callout.organization().senderAddress();
		return sender.substring(sender.lastIndexOf('@') + 1);
	}

}
