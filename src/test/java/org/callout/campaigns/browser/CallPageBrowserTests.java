package org.callout.campaigns.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.callout.campaigns.CallPageSupport;
import org.callout.support.Browser;
import org.callout.support.H2Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;


/**
 * The call page in real headless Chromium, keyboard only, in English and Spanish, checked by axe-core: the page,
 * the page after an answer, and the page a broken link shows.
 */
@H2Database
class CallPageBrowserTests extends CallPageSupport {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			Browser.release(driver);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"en | S6600 | Make your call | I talked to someone at Senator Pat Fahy's office | We noted that you talked to someone at Senator Pat Fahy's office",
			"es | S6601 | Haga su llamada | Hablé con alguien en la oficina de Pat Fahy | Anotamos que habló con alguien en la oficina de Pat Fahy" })
	void aSupporterUsingOnlyTheKeyboardReachesTheirSenatorsButtonAndRecordsTheirAnswer(String language, String print,
			String title, String button, String thanks) throws Exception {
		long bill = trackBill(print, print.replace('S', 'A'), List.of(), List.of(), "INTRODUCED", print);
		long blast = blast(bill);
		long supporter = supporter(unique("keys-" + language), "Ana", "12207", language);
		driver = Browser.start();
		driver.get(callPage(supporter, blast, language));

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);
		assertThat(driver.findElements(By.cssSelector("a[href^='tel:']")).stream().map(a -> a.getDomAttribute("href")))
			.contains("tel:+15184552225", "tel:+15184554178");
		assertNoSeriousViolations();

		WebElement focused = tabToButton(button);
		assertThat(driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle;")).isEqualTo("solid");
		focused.sendKeys(Keys.ENTER);

		WebElement answer = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
		assertThat(answer.getDomAttribute("role")).isEqualTo("status");
		assertThat(answer.getText()).contains(thanks);
		assertThat(count("SELECT COUNT(*) FROM call_reports WHERE blast_id = " + blast + " AND subscriber_id = " + supporter
				+ " AND target_key = '" + legislatorId("upper", "46") + "' AND outcome = 'TALKED'")).isEqualTo(1);
		assertNoSeriousViolations();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"en | S6602 | I couldn't get through to Assembly Member Gabriella Romero's office | This is a test page, so nothing was recorded.",
			"es | S6603 | No pude comunicarme con la oficina de Gabriella Romero | Esta es una página de prueba, así que no se registró nada." })
	void aTestPageAnswersFromTheKeyboardThatNothingWasRecorded(String language, String print, String button, String notRecorded)
			throws Exception {
		long bill = trackBill(print, print.replace('S', 'A'), List.of(), List.of(), "INTRODUCED", print);
		long before = count("SELECT COUNT(*) FROM call_reports");
		driver = Browser.start();
		driver.get(local(links.testUrl(0, "12207", bill, "both", language)));

		assertThat(driver.findElement(By.id("test-note")).isDisplayed()).isTrue();
		assertNoSeriousViolations();
		tabToButton(button).sendKeys(Keys.ENTER);

		WebElement answer = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
		assertThat(answer.getText()).isEqualTo(notRecorded);
		assertThat(count("SELECT COUNT(*) FROM call_reports")).isEqualTo(before);
		assertNoSeriousViolations();
	}

	@ParameterizedTest
	@CsvSource({ "en, This link does not work", "es, Este enlace no funciona" })
	void aBrokenLinkShowsAFriendlyPageWithoutAccessibilityProblems(String language, String title) {
		driver = Browser.start();
		driver.get(base() + "/call/bm9wZQ.bm9wZQ?lang=" + language);

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);
		assertNoSeriousViolations();
	}

	/** Presses Tab until the button has the focus, as a keyboard user would; every stop on the way is a link or a button. */
	private WebElement tabToButton(String text) {
		for (int i = 0; i < 30; i++) {
			WebElement active = driver.switchTo().activeElement();
			if ("button".equals(active.getTagName()) && text.equals(active.getText())) {
				return active;
			}
			active.sendKeys(Keys.TAB);
		}
		throw new AssertionError("Tab never reached the button '" + text + "'");
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
