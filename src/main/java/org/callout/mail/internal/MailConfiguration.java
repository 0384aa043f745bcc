package org.callout.mail.internal;

import java.time.Clock;
import java.util.Properties;

import jakarta.mail.Session;
import org.callout.mail.MailComposer;
import org.callout.mail.MailProperties;
import org.callout.mail.MailTemplates;
import org.callout.mail.Messenger;
import org.callout.mail.TemplateSource;
import org.callout.platform.CalloutProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

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
				mail.returnPath());
	}

	@Bean(destroyMethod = "close")
	Messenger messenger(Session mailSession, MailProperties mail, CalloutProperties callout, RelayStatus relayStatus) {
		return switch (mail.transport()) {
			case SMTP -> new SmtpMessenger(new SmtpPool(mailSession, mail.smtp()), mail.smtp().poolSize(), relayStatus,
					mail.relay());
			case OUTBOX -> new OutboxMessenger(mail.outboxDir() != null ? mail.outboxDir()
					: callout.dataDir().resolve("outbox"));
		};
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
