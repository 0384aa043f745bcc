package org.callout.campaigns.internal.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;
import org.junit.jupiter.api.Test;

class TemplateCheckerTests {

	private final TemplateChecker checker = new TemplateChecker(List.of("en", "es"));

	private List<TemplateProblem> problemsOfText(String text) {
		return checker.check("t", Map.of("en", new Parts(text, TemplateFixtures.HTML))).problems();
	}

	private List<TemplateProblem> problemsOfHtml(String html) {
		return checker.check("t", Map.of("en", new Parts(TemplateFixtures.TEXT, html))).problems();
	}

	@Test
	void theFixtureIsValidAndSpanishFallsBackToEnglish() {
		TemplateChecker.Result result = checker.check("call-your-legislator", Map.of("en", TemplateFixtures.valid()));

		assertThat(result.problems()).isEmpty();
		assertThat(result.fallbacks()).containsExactly(Map.entry("es", "en"));
		assertThat(result.warnings()).singleElement().extracting(TemplateProblem::language).isEqualTo("es");
	}

	@Test
	void anUnknownVariableIsNamedWithItsLineAndField() {
		TemplateProblem problem = problemsOfText(TemplateFixtures.textWithLine(2, "Hi {{frstName}},")).getFirst();

		assertThat(problem).isEqualTo(new TemplateProblem("en", "text", 2, "frstName", "unknown variable 'frstName'"));
		assertThat(problem.fieldError().field()).isEqualTo("languages.en.text");
		assertThat(problem.fieldError().message()).isEqualTo("line 2: unknown variable 'frstName'");
	}

	@Test
	void aNameInsideAListSectionResolvesInTheItemFirstThenOutwards() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(4, "{{name}} {{script}} {{firstName}} {{organization.name}}"))).isEmpty();
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{script}}"))).extracting(TemplateProblem::name)
			.containsExactly("script");
	}

	@Test
	void aDottedNameDescendsOnlyThroughObjects() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2,
				"{{#senator}}{{#senator.capitolPhone}}{{senator.capitolPhone.number}}{{/senator.capitolPhone}}{{/senator}}"))).isEmpty();
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{senator.nickname}}"))).extracting(TemplateProblem::message)
			.containsExactly("unknown variable 'senator.nickname'");
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{ask.targets.name}}"))).isNotEmpty();
	}

	@Test
	void anObjectOrAListOrAFlagCannotBePrintedAsText() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{senator}} {{ask.targets}} {{test}}")))
			.extracting(TemplateProblem::name)
			.containsExactly("senator", "ask.targets", "test");
	}

	@Test
	void theDotIsTextOnlyInsideASectionOverText() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{#firstName}}Hi {{.}}{{/firstName}}"))).isEmpty();
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{.}}"))).extracting(TemplateProblem::line).containsExactly(2);
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{#senator}}{{.}}{{/senator}}"))).hasSize(1);
	}

	@Test
	void aFlagSectionPushesNoContextAndAnInvertedSectionNeedsAKnownName() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{#ask.call}}{{firstName}}{{/ask.call}}{{^test}}x{{/test}}")))
			.isEmpty();
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{^tset}}x{{/tset}}"))).extracting(TemplateProblem::name)
			.containsExactly("tset");
	}

	@Test
	void anUnclosedSectionIsReportedAtTheLineThatOpenedIt() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(3, "{{#senator}}")))
			.extracting(TemplateProblem::line, TemplateProblem::name)
			.contains(org.assertj.core.groups.Tuple.tuple(3, "senator"));
	}

	@Test
	void aSectionLeftOpenIsOneProblemNotAlsoEveryRequiredNameAfterIt() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "{{#senator}}"))).extracting(TemplateProblem::message)
			.containsExactly("section '{{#senator}}' is never closed with '{{/senator}}'");
	}

	@Test
	void aMismatchedCloseIsReportedAtItsLine() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(5, "{{/senator}}"))).extracting(TemplateProblem::line).contains(5);
	}

	@Test
	void anUnterminatedTagIsAnErrorThoughJMustacheWouldSendItAsText() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(2, "Hi {{firstName,"))).singleElement()
			.satisfies(p -> {
				assertThat(p.line()).isEqualTo(2);
				assertThat(p.name()).isEqualTo("{{firstName,");
				assertThat(p.message()).contains("never closed");
			});
	}

	@Test
	void unescapedOutputPartialsAndDelimiterChangesAreRefused() {
		assertThat(problemsOfHtml("{{{firstName}}}" + TemplateFixtures.HTML)).extracting(TemplateProblem::message)
			.anySatisfy(m -> assertThat(m).contains("unescaped"));
		assertThat(problemsOfHtml("{{&firstName}}" + TemplateFixtures.HTML)).extracting(TemplateProblem::message)
			.anySatisfy(m -> assertThat(m).contains("unescaped"));
		assertThat(problemsOfHtml("{{>footer}}" + TemplateFixtures.HTML)).extracting(TemplateProblem::message)
			.anySatisfy(m -> assertThat(m).contains("partials"));
		assertThat(problemsOfHtml("{{=<% %>=}}" + TemplateFixtures.HTML)).extracting(TemplateProblem::message)
			.anySatisfy(m -> assertThat(m).contains("delimiters"));
	}

	@Test
	void theRequiredNamesMustAppearInBothPartsOutsideAnySection() {
		String html = TemplateFixtures.HTML.replace("{{organization.postalAddress}}", "");
		String text = TemplateFixtures.TEXT.replace("Unsubscribe: {{unsubscribeUrl}}", "{{#test}}{{unsubscribeUrl}}{{/test}}");

		List<TemplateProblem> problems = checker.check("t", Map.of("en", new Parts(text, html))).problems();

		assertThat(problems).extracting(TemplateProblem::part, TemplateProblem::name, TemplateProblem::line)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("text", "unsubscribeUrl", 6),
					org.assertj.core.groups.Tuple.tuple("html", "organization.postalAddress", null));
	}

	@Test
	void theSubjectLineIsRequiredNotEmptyAndAtMost200Characters() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(1, "Hello"))).extracting(TemplateProblem::message)
			.containsExactly("the text part must start with a 'Subject: …' line");
		assertThat(problemsOfText(TemplateFixtures.textWithLine(1, "Subject:   "))).extracting(TemplateProblem::message)
			.containsExactly("the subject is empty");
		assertThat(problemsOfText(TemplateFixtures.textWithLine(1, "Subject: " + "é".repeat(200)))).isEmpty();
		assertThat(problemsOfText(TemplateFixtures.textWithLine(1, "Subject: " + "é".repeat(201)))).extracting(TemplateProblem::message)
			.containsExactly("the subject is 201 characters; at most 200");
	}

	@Test
	void aSectionOpenedOnTheSubjectLineMustCloseOnIt() {
		String text = TemplateFixtures.TEXT.replace("Subject: Call {{#senator}}{{name}}{{/senator}} today",
				"Subject: Call {{#senator}}{{name}}").replace("Hi {{firstName}},", "{{/senator}}");

		assertThat(problemsOfText(text)).extracting(TemplateProblem::message)
			.containsExactly("a section opened on the subject line must close on it");
	}

	@Test
	void aPartOver100KilobytesIsRefusedSayingGmailClipsIt() {
		String html = TemplateFixtures.HTML + "<!--" + "x".repeat(100 * 1024) + "-->";

		assertThat(problemsOfHtml(html)).singleElement().extracting(TemplateProblem::message).asString().contains("Gmail clips");
	}

	@Test
	void theDefaultLanguageIsRequiredAndAnUnknownLanguageIsRefused() {
		TemplateChecker.Result result = checker.check("t", Map.of("es", TemplateFixtures.valid(), "es-MX", TemplateFixtures.valid()));

		assertThat(result.problems()).extracting(TemplateProblem::field).containsExactlyInAnyOrder("languages.es-MX", "languages.en");
		assertThat(result.problems()).extracting(TemplateProblem::message).anySatisfy(m -> assertThat(m).contains("did you mean 'es'"));
	}

	@Test
	void aNameOutsideTheAllowedPatternIsRefused() {
		assertThat(checker.check("Call_Your", Map.of("en", TemplateFixtures.valid())).problems()).extracting(TemplateProblem::field)
			.containsExactly("name");
		assertThat(checker.check("a".repeat(65), Map.of("en", TemplateFixtures.valid())).problems()).hasSize(1);
		assertThat(checker.check("a".repeat(64), Map.of("en", TemplateFixtures.valid())).problems()).isEmpty();
	}

	@Test
	void aNulCharacterCannotBeStored() {
		assertThat(problemsOfText(TemplateFixtures.textWithLine(3, "a\u0000b"))).extracting(TemplateProblem::line).containsExactly(3);
	}

}
