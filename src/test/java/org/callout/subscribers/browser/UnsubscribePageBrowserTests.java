package org.callout.subscribers.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.callout.subscribers.UnsubscribeFlowSupport;
import org.callout.subscribers.UnsubscribeTarget;
import org.callout.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The unsubscribe pages in real headless Chromium, in both languages: used with the keyboard alone, and checked
 * by axe-core (bundled, offline) for serious or critical problems.
 */
class UnsubscribePageBrowserTests extends UnsubscribeFlowSupport {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private ChromeDriver driver;

	@BeforeEach
	void startBrowser() {
		driver = Browser.start();
	}

	@AfterEach
	void quitBrowser() {
		if (driver != null) {
			Browser.release(driver);
		}
	}

	@ParameterizedTest
	@CsvSource({ "en, You're unsubscribed", "es, Su suscripción está cancelada" })
	void withTheKeyboardAloneAnArrowChoosesEverythingAndEnterUnsubscribes(String language, String done) throws Exception {
		Confirmed ana = confirmed(unique("keys-all-" + language), language, "Tenants");
		driver.get(base() + path(ana.linkForFirstList()));
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);

		WebElement thisList = tabUntil("scope-list");
		assertThat(focusOutline()).isEqualTo("solid");
		keys(Keys.ARROW_DOWN);
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("scope-all");
		assertThat(driver.findElement(By.id("scope-all")).isSelected()).isTrue();
		keys(Keys.TAB);
		WebElement button = driver.switchTo().activeElement();
		assertThat(button.getTagName()).isEqualTo("button");
		assertThat(focusOutline()).isEqualTo("solid");
		keys(Keys.ENTER);

		assertThat(awaitNextPage(thisList)).isEqualTo(done);
		assertThat(ana.listIds()).allSatisfy(list -> assertThat(status(ana.id(), list)).isEqualTo("UNSUBSCRIBED"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void withTheKeyboardAloneSpaceKeepsThisListAndEnterLeavesOnlyIt(String language) throws Exception {
		Confirmed ana = confirmed(unique("keys-list-" + language), language, "Tenants");
		driver.get(base() + path(ana.linkForFirstList()));

		WebElement thisList = tabUntil("scope-list");
		keys(Keys.SPACE);
		assertThat(thisList.isSelected()).isTrue();
		keys(Keys.TAB);
		assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("button");
		keys(Keys.ENTER);

		awaitNextPage(thisList);
		assertThat(status(ana.id(), ana.listIds().get(0))).isEqualTo("UNSUBSCRIBED");
		assertThat(status(ana.id(), ana.listIds().get(1))).isEqualTo("CONFIRMED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theUnsubscribePageAndItsAnswerHaveNoSeriousAccessibilityViolationsNorScript(String language) throws Exception {
		Confirmed ana = confirmed(unique("axe-" + language), language);
		driver.get(base() + path(ana.linkForFirstList()) + "?lang=" + language);
		assertAccessibleWithoutScript();

		WebElement button = driver.findElement(By.cssSelector("button.primary"));
		button.click();
		awaitNextPage(button);
		assertAccessibleWithoutScript();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theTestSendsPageHasNoSeriousAccessibilityViolations(String language) {
		driver.get(base() + path(new UnsubscribeTarget(0, List.of(0L), null, true)) + "?lang=" + language);

		assertThat(driver.findElement(By.id("test-notice")).isDisplayed()).isTrue();
		assertAccessibleWithoutScript();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theBrokenLinkPageAndTheFreshLinkAnswerHaveNoSeriousAccessibilityViolations(String language) {
		driver.get(base() + "/u/not-a-token?lang=" + language);
		assertAccessibleWithoutScript();

		driver.findElement(By.id("email")).sendKeys("nobody-" + language + "@example.org");
		WebElement button = driver.findElement(By.cssSelector("button.primary"));
		button.click();
		awaitNextPage(button);
		assertThat(driver.getCurrentUrl()).contains("/unsubscribe-link");
		assertAccessibleWithoutScript();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theFreshLinkFormWithAnErrorHasNoSeriousAccessibilityViolations(String language) {
		driver.get(base() + "/unsubscribe-link?lang=" + language);
		driver.findElement(By.id("email")).sendKeys("not an address");
		WebElement button = driver.findElement(By.cssSelector("button.primary"));
		button.click();
		awaitNextPage(button);

		assertThat(driver.findElement(By.id("email")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertAccessibleWithoutScript();
	}

	/** Presses Tab until the element with this id has the focus (the page has only a few stops). */
	private WebElement tabUntil(String id) {
		for (int i = 0; i < 6; i++) {
			keys(Keys.TAB);
			WebElement active = driver.switchTo().activeElement();
			if (id.equals(active.getDomAttribute("id"))) {
				return active;
			}
		}
		throw new AssertionError("Tab never reached #" + id);
	}

	private void keys(CharSequence key) {
		new Actions(driver).sendKeys(key).perform();
	}

	private String focusOutline() {
		return (String) driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle;");
	}

	private String awaitNextPage(WebElement element) {
		WebDriverWait waiting = Browser.waiting(driver);
		waiting.until(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText();
	}

	private void assertAccessibleWithoutScript() {
		assertThat(driver.findElements(By.tagName("script"))).as("scripts on %s", driver.getCurrentUrl()).isEmpty();
		Results results = new AxeBuilder().analyze(driver);
		assertThat(results.isErrored()).as("axe error on %s: %s", driver.getCurrentUrl(), results.getErrorMessage()).isFalse();
		assertThat(results.getPasses()).extracting(Rule::getId).contains("html-has-lang");
		List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
		assertThat(blocking).as("serious or critical axe violations on %s:%n%s", driver.getCurrentUrl(), describe(blocking)).isEmpty();
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
					+ rule.getNodes().stream().map(node -> "    " + node.getTarget() + " " + node.getFailureSummary())
						.collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

}
