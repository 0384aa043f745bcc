package org.callout.signup.browser;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** On a 320 px wide phone no signup page scrolls sideways (WCAG 1.4.10 Reflow), in either language. */
class JoinFormNarrowScreenTests extends BrowserSignupSupport {

	private static final int WIDTH = 320;

	private static final int HEIGHT = 800;

	@BeforeEach
	void startBrowser() {
		// Browser narrows the viewport itself below 500 px (headless Chromium's minimum window width).
		browser(WIDTH, HEIGHT, true);
	}

	@Test
	void theViewportReallyIs320CssPixelsWide() {
		open("/join");

		assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).isEqualTo(WIDTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theJoinFormDoesNotScrollSideways(String language) {
		open("/join?lang=" + language);

		assertThat(htmlLang()).isEqualTo(language);
		assertNoHorizontalScroll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theJoinFormWithErrorsDoesNotScrollSideways(String language) {
		open("/join?lang=" + language);
		byId("email").sendKeys("someone-with-a-rather-long-address@example");

		submitForm();

		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertThat(htmlLang()).isEqualTo(language);
		assertNoHorizontalScroll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theThanksConfirmAndResultPagesDoNotScrollSideways(String language) throws Exception {
		String address = unique("narrow-" + language);
		signUpThroughTheForm(address, language);
		assertNoHorizontalScroll();

		driver.get(local(link(awaitEmailTo(address), "confirm")));
		assertThat(htmlLang()).isEqualTo(language);
		assertNoHorizontalScroll();

		WebElement button = driver.findElement(By.cssSelector("button.primary"));
		button.click();
		awaitNextPage(button);
		assertThat(htmlLang()).isEqualTo(language);
		assertNoHorizontalScroll();
	}

	/**
	 * scrollWidth &lt;= innerWidth, and also &lt;= clientWidth (the width left beside a vertical scrollbar),
	 * which catches content that only overflows by the scrollbar's width.
	 */
	private void assertNoHorizontalScroll() {
		assertThat(scrollOverflow()).as("scrollWidth - innerWidth on %s", driver.getCurrentUrl()).isLessThanOrEqualTo(0);
		Number beyondClient = (Number) driver.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(beyondClient.doubleValue()).as("scrollWidth - clientWidth on %s", driver.getCurrentUrl())
			.isLessThanOrEqualTo(0);
	}

}
