package org.callout.legislators.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.Browser;
import org.callout.support.H2Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** /reps in real headless Chromium, keyboard only, in English and Spanish, checked by axe-core. */
@H2Database
class RepsPageBrowserTests extends SignupFlowSupport {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			Browser.release(driver);
		}
	}

	@ParameterizedTest
	@CsvSource({ "en, Find your New York State legislators, Your legislators, State Senator",
			"es, Encuentre a sus legisladores del estado de Nueva York, Sus legisladores, Senador o senadora estatal" })
	void aPersonUsingOnlyTheKeyboardFindsTheirSenatorAndAssemblyMemberWithPhoneLinks(String language, String title,
			String resultTitle, String senator) {
		driver = Browser.start();
		driver.get(base() + "/reps?lang=" + language);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);
		assertNoSeriousViolations();

		tabTo("address").sendKeys("125 Main Street");
		tabTo("zip").sendKeys("12207", Keys.ENTER);

		WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
		assertThat(result.findElement(By.tagName("h2")).getText()).isEqualTo(resultTitle);
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("result");
		assertThat(result.getDomAttribute("data-confidence")).isEqualTo("exact");
		assertThat(result.getText()).contains(senator, "Pat Fahy", "Gabriella Romero");
		List<String> phones = result.findElements(By.cssSelector("a[href^='tel:']")).stream().map(a -> a.getDomAttribute("href")).toList();
		assertThat(phones).contains("tel:+15184552225", "tel:+15184554178");
		assertThat(driver.findElement(By.id("zip")).getDomProperty("value")).isEqualTo("12207");
		assertNoSeriousViolations();
	}

	@ParameterizedTest
	@CsvSource({ "en, is split between districts, Add your street address", "es, está dividido entre varios distritos, Agregue su dirección" })
	void aSplitZipShowsEveryCandidateAndAsksForTheStreetAddress(String language, String split, String askForAddress) {
		driver = Browser.start();
		driver.get(base() + "/reps?lang=" + language);

		tabTo("zip").sendKeys("10004", Keys.ENTER);

		WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
		assertThat(result.getDomAttribute("data-confidence")).isEqualTo("ambiguous");
		assertThat(result.findElement(By.id("sure")).getText()).contains(split, askForAddress);
		assertThat(result.getText()).contains("Andrew Gounardes", "Brian Kavanagh", "Charles Fall", "Grace Lee");
		assertThat(result.findElements(By.cssSelector("a[href^='tel:']"))).hasSizeGreaterThanOrEqualTo(4);
		assertNoSeriousViolations();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void aWrongZipGetsAnErrorSummaryThatTakesTheFocusAndLinksToTheField(String language) {
		driver = Browser.start();
		driver.get(base() + "/reps?lang=" + language);

		tabTo("zip").sendKeys("1000a", Keys.ENTER);

		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
		assertThat(driver.findElement(By.id("zip")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.getTitle()).startsWith("Error: ");
		driver.switchTo().activeElement().sendKeys(Keys.TAB);
		driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		waiting().until(d -> "zip".equals(d.switchTo().activeElement().getDomAttribute("id")));
		assertNoSeriousViolations();
	}

	@Test
	void thePageWorksWithoutJavaScriptAndAt320PixelsWithoutSideways() {
		driver = Browser.start(320, 800, false);
		driver.get(base() + "/reps?lang=es");

		driver.findElement(By.id("zip")).sendKeys("90210");
		driver.findElement(By.cssSelector("button.primary")).click();

		WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
		assertThat(result.getDomAttribute("data-confidence")).isEqualTo("outside-ny");
		assertThat(result.getText()).contains("no está en el estado de Nueva York");
		driver.get(base() + "/reps?lang=en&zip=10004");
		Number overflow = (Number) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(overflow.doubleValue()).isLessThanOrEqualTo(0);
	}

	/** Presses Tab until the field has the focus, as a keyboard user would. */
	private WebElement tabTo(String id) {
		for (int i = 0; i < 10; i++) {
			WebElement active = driver.switchTo().activeElement();
			if (id.equals(active.getDomAttribute("id"))) {
				return active;
			}
			active.sendKeys(Keys.TAB);
		}
		throw new AssertionError("Tab never reached #" + id);
	}

	private WebDriverWait waiting() {
		return Browser.waiting(driver);
	}

	private void assertNoSeriousViolations() {
		Results results = new AxeBuilder().analyze(driver);
		assertThat(results.isErrored()).as("axe error: %s", results.getErrorMessage()).isFalse();
		List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
		assertThat(blocking).as("serious or critical axe violations on %s:%n%s", driver.getCurrentUrl(), blocking.stream()
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream().map(n -> n.getTarget().toString()).toList())
			.collect(Collectors.joining("\n"))).isEmpty();
	}

}
