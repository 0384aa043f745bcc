package org.callout.signup.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The whole signup works in a browser with JavaScript turned off. */
class JoinFormWithoutJavaScriptTests extends BrowserSignupSupport {

	@BeforeEach
	void startBrowser() {
		browser(1280, 900, false);
	}

	@Test
	void aSupporterWithoutJavaScriptSignsUpAndConfirms() throws Exception {
		String address = unique("nojs");
		open("/join?lang=en");
		fillForm(address, true);

		submitForm();

		assertThat(awaitPage("/join/thanks")).isEqualTo("Check your email");
		MimeMessage email = awaitEmailTo(address);
		driver.get(local(link(email, "confirm")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your subscription");
		WebElement button = driver.findElement(By.cssSelector("button.primary"));
		button.click();
		assertThat(awaitNextPage(button)).isEqualTo("You're signed up");
		assertThat(subscriber(address).get("memberships").get(0).get("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void aRefusedSubmissionWithoutJavaScriptStillShowsTheErrorsNextToTheFields() {
		open("/join?lang=es");
		byId("firstName").sendKeys("Lucía");

		submitForm();

		WebElement summary = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertThat(summary.getText()).startsWith("Revise lo siguiente");
		// The page's one script (focus the summary) did not run: JavaScript really is off.
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isNotEqualTo("error-summary");
		assertThat(byId("email-error").getText()).isEqualTo("Escriba su correo electrónico.");
		assertThat(byId("email").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(byId("firstName").getDomProperty("value")).isEqualTo("Lucía");
	}

}
