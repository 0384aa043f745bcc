package org.callout.signup.browser;

import java.util.regex.Pattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.Browser;
import org.callout.support.H2Database;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A running Callout (see {@link SignupFlowSupport}) and one real headless Chromium per test. The form's
 * minimum fill time stays at its default: tests move the clock past it between showing and sending a form.
 */
@H2Database
abstract class BrowserSignupSupport extends SignupFlowSupport {

	/** More than the default minimum fill time of the form (3 s). */
	static final Duration FILL_TIME = Duration.ofSeconds(5);

	static final String HEADLINE_EN = "Tell Albany: pass the New York for All Act";

	static final String HEADLINE_ES = "Exijamos a Albany que apruebe la ley New York for All";

	ChromeDriver driver;

	ChromeDriver browser(int width, int height, boolean javascript) {
		driver = Browser.start(width, height, javascript);
		return driver;
	}

	@AfterEach
	void quitBrowser() {
		if (driver != null) {
			Browser.release(driver);
		}
	}

	WebDriverWait waiting() {
		return Browser.waiting(driver);
	}

	void open(String path) {
		driver.get(base() + path);
	}

	/** Waits for a page whose path is {@code path} and returns its h1. */
	String awaitPage(String path) {
		waiting().until(ExpectedConditions.urlMatches("^" + Pattern.quote(base() + path) + "([?#].*)?$"));
		return driver.findElement(By.tagName("h1")).getText();
	}

	/** Waits until {@code element}'s page has been replaced by the next one and returns the new h1. */
	String awaitNextPage(WebElement element) {
		// Chrome reports a replaced node either as stale or as "does not belong to the document": both mean gone.
		waiting().until(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText();
	}

	WebElement byId(String id) {
		return driver.findElement(By.id(id));
	}

	String htmlLang() {
		return driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	/** Fills every field of /join by clicking and typing, as a mouse user would. */
	void fillForm(String address, boolean consent) {
		byId("email").sendKeys(address);
		byId("firstName").sendKeys("Ana");
		byId("lastName").sendKeys("Pérez");
		byId("zip").sendKeys("10004");
		byId("streetAddress").sendKeys("125 Broad Street");
		if (consent) {
			byId("consent").click();
		}
	}

	/** Lets the minimum fill time pass, then presses the form's submit button. */
	void submitForm() {
		clock.advance(FILL_TIME);
		driver.findElement(By.cssSelector("button.primary")).click();
	}

	/** Signs {@code address} up through the form in {@code language} and waits for the thanks page. */
	void signUpThroughTheForm(String address, String language) {
		open("/join?lang=" + language);
		fillForm(address, true);
		submitForm();
		awaitPage("/join/thanks");
	}

	JsonNode subscriber(String address) throws Exception {
		var response = admin("/api/v1/subscribers?email=" + address);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	double scrollOverflow() {
		Number overflow = (Number) driver.executeScript(
				"return document.documentElement.scrollWidth - window.innerWidth;");
		return overflow.doubleValue();
	}

}
