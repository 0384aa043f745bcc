package org.callout.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.callout.signup.SignupFlowSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The organizer console in real headless Chromium, driven by the keyboard only: Tab to reach a control, typing,
 * Enter or Space to press it, never a click. Shares the running Callout (and its Spring context) of
 * {@link SignupFlowSupport}. {@link #assertAccessible()} runs axe-core (bundled, offline) and fails on a serious or
 * critical violation.
 */
public abstract class ConsoleBrowserSupport extends SignupFlowSupport {

	public static final String PASSWORD = "correct horse battery staple";

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	protected ChromeDriver driver;

	@BeforeEach
	void startConsoleBrowser() {
		driver = Browser.start();
	}

	@AfterEach
	void quitConsoleBrowser() {
		if (driver != null) {
			Browser.release(driver);
		}
	}

	/** A new account with this role (ADMIN, ORGANIZER, VIEWER), made through the API; answers its name. */
	protected String account(String role) throws Exception {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
					Map.of("username", name, "email", name + "@example.org", "password", PASSWORD, "role", role))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

	/** Signs a new account of this role in through the sign-in page, by keyboard; answers its name. */
	protected String signIn(String role) throws Exception {
		String name = account(role);
		signInAs(name);
		return name;
	}

	protected void signInAs(String name) {
		driver.get(base() + "/console/login");
		tabTo(By.id("username")).sendKeys(name);
		tabTo(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
	}

	/** Presses Tab until the element has the focus (at most 80 times), as someone without a mouse would. */
	protected WebElement tabTo(By target) {
		WebElement wanted = driver.findElement(target);
		for (int presses = 0; presses < 80; presses++) {
			if (wanted.equals(driver.switchTo().activeElement())) {
				return wanted;
			}
			new Actions(driver).sendKeys(Keys.TAB).perform();
		}
		throw new AssertionError("Tab never reached " + target + " on " + driver.getCurrentUrl());
	}

	/** Tabs to a button or link and presses Enter, then waits for the next page. */
	protected void press(By target) {
		WebElement element = tabTo(target);
		element.sendKeys(Keys.ENTER);
		waiting().until(ExpectedConditions.stalenessOf(element));
	}

	/** Moves through a select's options with the arrow keys until the one with this value is chosen. */
	protected void choose(By select, String value) {
		WebElement element = tabTo(select);
		for (int presses = 0; presses < 500 && !value.equals(element.getAttribute("value")); presses++) {
			element.sendKeys(Keys.ARROW_DOWN);
		}
		assertThat(element.getAttribute("value")).isEqualTo(value);
	}

	protected WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
	}

	protected String path(WebDriver browser) {
		URI at = URI.create(browser.getCurrentUrl());
		return at.getRawPath() + (at.getRawQuery() == null ? "" : "?" + at.getRawQuery());
	}

	/** axe-core finds no serious or critical violation on the page as it is now. */
	protected void assertAccessible() {
		// Not into frames: the console's only ones are sandboxed email previews (no scripts, so axe cannot run in them
		// and waited for each until its frame timeout, half a minute a page); the frame element itself is still checked.
		Results results = new AxeBuilder().disableIframeTesting().analyze(driver);
		assertThat(results.isErrored()).as("axe error on %s: %s", driver.getCurrentUrl(), results.getErrorMessage()).isFalse();
		List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
		assertThat(blocking).as("serious or critical axe violations on %s:%n%s", driver.getCurrentUrl(), describe(blocking)).isEmpty();
		assertThat(results.getPasses()).as("axe checked nothing on %s", driver.getCurrentUrl()).isNotEmpty();
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
					+ rule.getNodes().stream().map(node -> "    " + node.getTarget() + " " + node.getFailureSummary())
						.collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

}
