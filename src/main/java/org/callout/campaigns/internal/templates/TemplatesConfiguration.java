package org.callout.campaigns.internal.templates;

import java.time.Clock;
import java.util.List;

import org.callout.mail.MailProperties;
import org.callout.platform.CalloutProperties;
import org.callout.platform.LargeBodies;
import org.callout.platform.SupportedLanguages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class TemplatesConfiguration {

	/**
	 * Two languages of two parts at up to 100 KB each, JSON-escaped (HTML quotes double in size): more than the
	 * general body limit, so an oversized part is refused by its field name rather than with a bare 413.
	 */
	@Bean
	LargeBodies templateBodies() {
		return new LargeBodies(List.of("/api/v1/templates/**"), DataSize.ofMegabytes(2));
	}

	@Bean
	TemplateChecker templateChecker(SupportedLanguages languages) {
		return new TemplateChecker(languages.all());
	}

	@Bean
	FileTemplates fileTemplates(CalloutProperties callout, MailProperties mail, Clock clock, SupportedLanguages languages) {
		return new FileTemplates(callout.templatesDir(), mail.templateCacheTtl(), clock, languages.all());
	}

	@Bean
	TemplateRenderer templateRenderer(SupportedLanguages languages) {
		return new TemplateRenderer(languages.defaultLanguage());
	}

	@Bean
	CampaignTemplates campaignTemplates(TemplateStore store, FileTemplates files, TemplateChecker checker,
			TransactionTemplate transactions, Clock clock) {
		return new CampaignTemplates(store, files, checker, transactions, clock);
	}

}
