package org.callout.signup.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** axe-core (bundled in the test jar, no network) finds no serious or critical problem on any signup page. */
class AccessibilityTests extends BrowserSignupSupport {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	@BeforeEach
	void startBrowser() {
		browser(1280, 900, true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theJoinFormHasNoSeriousAccessibilityViolations(String language) {
		open("/join?lang=" + language);

		assertNoSeriousViolations();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theJoinFormAfterARefusedSubmissionHasNoSeriousAccessibilityViolations(String language) {
		open("/join?lang=" + language);
		byId("email").sendKeys("not-an-email");

		submitForm();

		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertNoSeriousViolations();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theThanksConfirmAndResultPagesHaveNoSeriousAccessibilityViolations(String language) throws Exception {
		String address = unique("axe-" + language);
		signUpThroughTheForm(address, language);
		assertNoSeriousViolations();

		driver.get(local(link(awaitEmailTo(address), "confirm")));
		assertNoSeriousViolations();

		WebElement button = driver.findElement(By.cssSelector("button.primary"));
		button.click();
		awaitNextPage(button);
		assertNoSeriousViolations();
	}

	@Test
	void axeRunsOfflineAndReallyChecksThePage() {
		open("/join?lang=en");

		Results results = new AxeBuilder().analyze(driver);

		assertThat(results.isErrored()).as("axe error: %s", results.getErrorMessage()).isFalse();
		assertThat(results.getPasses()).extracting(Rule::getId).contains("label", "html-has-lang", "color-contrast");
	}

	private void assertNoSeriousViolations() {
		Results results = new AxeBuilder().analyze(driver);
		assertThat(results.isErrored()).as("axe error on %s: %s", driver.getCurrentUrl(), results.getErrorMessage()).isFalse();
		List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
		assertThat(blocking).as("serious or critical axe violations on %s:%n%s", driver.getCurrentUrl(), describe(blocking))
			.isEmpty();
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getHelpUrl() + "\n"
					+ rule.getNodes().stream().map(node -> "    " + node.getTarget() + " " + node.getFailureSummary())
						.collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

}
