package org.callout.campaigns.internal.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The templates shipped in templates/campaigns/ pass the same checks as an organizer's save. */
class DefaultTemplateTests {

	private final TemplateChecker checker = new TemplateChecker(List.of("en", "es"));

	@Test
	void theShippedCallYourLegislatorTemplateHasNoProblemInEitherLanguage() throws Exception {
		Map<String, TemplateVersion.Parts> languages = new LinkedHashMap<>();
		for (String language : List.of("en", "es")) {
			Path dir = Path.of("templates", "campaigns");
			languages.put(language, new TemplateVersion.Parts(
					Files.readString(dir.resolve("call-your-legislator." + language + ".txt")),
					Files.readString(dir.resolve("call-your-legislator." + language + ".html"))));
		}

		assertThat(checker.check("call-your-legislator", languages).problems()).isEmpty();
	}

	@Test
	void aFieldOfAnObjectSomeEmailsLackIsRefusedOutsideASectionOverIt() {
		String footer = "{{unsubscribeUrl}} {{organization.postalAddress}}";
		Map<String, TemplateVersion.Parts> outside = Map.of("en", new TemplateVersion.Parts(
				"Subject: Hi\n{{bill.title}}\n{{#senator}}{{capitolPhone.number}}{{/senator}}\n" + footer, footer));
		Map<String, TemplateVersion.Parts> inside = Map.of("en", new TemplateVersion.Parts(
				"Subject: Hi\n{{#bill}}{{bill.title}}{{/bill}}\n{{#senator}}{{#senator.capitolPhone}}{{senator.capitolPhone.number}}"
						+ "{{/senator.capitolPhone}}{{/senator}}\n{{#senator}}{{#capitolPhone}}{{number}}{{/capitolPhone}}{{/senator}}\n" + footer,
				footer));

		assertThat(checker.check("t", outside).problems()).extracting(TemplateProblem::name)
			.containsExactly("bill.title", "capitolPhone.number");
		assertThat(checker.check("t", inside).problems()).isEmpty();
	}

	@Test
	void theUnsubscribeLinkAndAddressOnlyInTheSubjectOrAnHtmlCommentAreRefused() {
		String footer = "{{unsubscribeUrl}} {{organization.postalAddress}}";
		Map<String, TemplateVersion.Parts> hidden = Map.of("en", new TemplateVersion.Parts("Subject: Leave at " + footer + "\nBuy now!\n",
				"<p>Buy now!</p><!-- " + footer + " -->"));

		assertThat(checker.check("t", hidden).problems()).extracting(p -> p.part() + ":" + p.name())
			.containsExactlyInAnyOrder("text:unsubscribeUrl", "text:organization.postalAddress", "html:unsubscribeUrl",
					"html:organization.postalAddress");
	}

}
