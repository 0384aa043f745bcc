package org.callout.mail.internal;

import java.util.Properties;
import java.util.Set;

import jakarta.mail.Session;
import org.callout.mail.MailComposer;
import org.callout.mail.MailProperties;
import org.callout.mail.MailTemplates;
import org.callout.mail.Messenger;
import org.callout.platform.CalloutProperties;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	static {
		// Must be set before jakarta.mail's StreamProvider is first looked up (see NOTES.md: 2-3x faster).
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
	MailTemplates mailTemplates(MailProperties mail, CalloutProperties callout) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.addTemplateResolver(resolver(callout, mail, TemplateMode.TEXT, "*.txt", 1));
		engine.addTemplateResolver(resolver(callout, mail, TemplateMode.HTML, "*.html", 2));
		return new MailTemplates(engine, callout.templatesDir(), callout.defaultLanguage());
	}

	private static FileTemplateResolver resolver(CalloutProperties callout, MailProperties mail, TemplateMode mode,
			String pattern, int order) {
		FileTemplateResolver resolver = new FileTemplateResolver();
		resolver.setPrefix(callout.templatesDir().toAbsolutePath() + "/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheTTLMs(mail.templateCacheTtl().toMillis());
		resolver.setOrder(order);
		return resolver;
	}

	private static String senderDomain(CalloutProperties callout) {
		String sender = callout.organization().senderAddress();
		return sender.substring(sender.lastIndexOf('@') + 1);
	}

}
