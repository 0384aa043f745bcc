package org.callout.signup.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/** The signup form in a desktop browser with JavaScript, driven the way people drive it. */
class JoinFormBrowserTests extends BrowserSignupSupport {

	@BeforeEach
	void startBrowser() {
		browser(1280, 900, true);
	}

	@Test
	void aKeyboardOnlySupporterSignsUpAndConfirmsInEnglish() throws Exception {
		String address = unique("keys-en");

		signUpWithTheKeyboard("/join?lang=en", address);

		assertThat(awaitPage("/join/thanks")).isEqualTo("Check your email");
		assertThat(driver.getCurrentUrl()).endsWith("/join/thanks?lang=en");
		MimeMessage email = awaitEmailTo(address);
		assertThat(email.getSubject()).isEqualTo("Please confirm: join New York for All");
		assertThat(confirmWithTheKeyboard(link(email, "confirm"))).isEqualTo("You're signed up");
		JsonNode subscriber = subscriber(address);
		assertThat(subscriber.get("language").asString()).isEqualTo("en");
		assertThat(subscriber.get("firstName").asString()).isEqualTo("Ana");
		assertThat(subscriber.get("zip").asString()).isEqualTo("10004");
		assertThat(subscriber.get("memberships").get(0).get("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void aKeyboardOnlySupporterSignsUpAndConfirmsInSpanishAndEverythingStaysSpanish() throws Exception {
		String address = unique("teclado-es");

		signUpWithTheKeyboard("/join?lang=es", address);

		assertThat(awaitPage("/join/thanks")).isEqualTo("Revise su correo");
		assertThat(driver.getCurrentUrl()).endsWith("/join/thanks?lang=es");
		assertThat(htmlLang()).isEqualTo("es");
		MimeMessage email = awaitEmailTo(address);
		assertThat(email.getSubject()).isEqualTo("Confirme, por favor: únase a la lista «New York for All»");
		String confirm = link(email, "confirm");
		assertThat(confirm).endsWith("&lang=es");
		driver.get(local(confirm));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Confirme su suscripción");
		assertThat(htmlLang()).isEqualTo("es");
		assertThat(confirmWithTheKeyboard(confirm)).isEqualTo("¡Listo! Su suscripción está confirmada");
		JsonNode subscriber = subscriber(address);
		assertThat(subscriber.get("language").asString()).isEqualTo("es");
		assertThat(subscriber.get("memberships").get(0).get("status").asString()).isEqualTo("CONFIRMED");
		List<String> ledger = jdbc.sql("SELECT kind || ':' || language FROM consent_events WHERE subscriber_id = ? ORDER BY id")
			.param(subscriber.get("id").asLong())
			.query(String.class)
			.list();
		assertThat(ledger).containsExactly("GRANTED:es", "CONFIRMED:es");
		assertThat(jdbc.sql("SELECT source FROM consent_events WHERE subscriber_id = ? AND kind = 'GRANTED'")
			.param(subscriber.get("id").asLong())
			.query(String.class)
			.single()).isEqualTo("form");
	}

	@Test
	void theVisibleLanguageSwitchTurnsTheFormIntoSpanish() {
		open("/join?lang=en");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(HEADLINE_EN);
		assertThat(htmlLang()).isEqualTo("en");

		driver.findElement(By.linkText("Español")).click();

		waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), HEADLINE_ES));
		assertThat(htmlLang()).isEqualTo("es");
		assertThat(driver.getCurrentUrl()).contains("lang=es");
		assertThat(driver.findElement(By.cssSelector("label[for=email]")).getText()).isEqualTo("Correo electrónico");
		assertThat(driver.findElement(By.cssSelector("button.primary")).getText()).isEqualTo("Suscribirme");
		assertThat(driver.findElement(By.linkText("English")).getDomAttribute("lang")).isEqualTo("en");
	}

	@Test
	void aRefusedSubmissionFocusesTheErrorSummaryTiesEachErrorToItsFieldAndKeepsWhatWasTyped() {
		open("/join?lang=en");
		byId("firstName").sendKeys("Ana");
		byId("email").sendKeys("not-an-email");

		submitForm();

		WebElement summary = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
		assertThat(driver.getTitle()).isEqualTo("Error: " + HEADLINE_EN);
		assertThat(summary.findElements(By.cssSelector("a")).stream().map(a -> a.getDomAttribute("href")))
			.containsExactlyInAnyOrder("#email", "#lastName", "#zip", "#consent");
		assertError("email", "Enter an email address like name@example.com.");
		assertError("lastName", "Enter your last name.");
		assertError("zip", "Enter your ZIP code.");
		assertError("consent", "Check the box to agree to receive our emails.");
		assertThat(byId("firstName").getDomAttribute("aria-invalid")).isEqualTo("false");
		assertThat(byId("firstName").getDomProperty("value")).isEqualTo("Ana");
		assertThat(byId("email").getDomProperty("value")).isEqualTo("not-an-email");
		assertThat(byId("consent").isSelected()).isFalse();
		assertThat(driver.findElements(By.id("firstName-error"))).isEmpty();
	}

	@Test
	void theHoneypotIsHiddenFromPeopleAndKeyboardTabbingNeverReachesIt() {
		open("/join?lang=en");
		WebElement website = byId("website");

		assertThat(website.isDisplayed()).isFalse();
		assertThat(website.getDomAttribute("autocomplete")).isEqualTo("off");
		assertThat(website.getDomAttribute("tabindex")).isEqualTo("-1");
		assertThat(driver.findElement(By.cssSelector(".hp")).getDomAttribute("aria-hidden")).isEqualTo("true");
		assertThat(website.findElement(By.xpath("ancestor::*[@aria-hidden='true']")).getDomAttribute("class")).isEqualTo("hp");
		byId("email").click();
		List<String> visited = new ArrayList<>();
		visited.add(activeId());
		for (int i = 0; i < 12 && !"BUTTON".equalsIgnoreCase(driver.switchTo().activeElement().getTagName()); i++) {
			tab();
			visited.add(activeId());
		}
		assertThat(visited).doesNotContain("website")
			.containsExactly("email", "firstName", "lastName", "zip", "streetAddress", "consent", "a:privacy-policy",
					"button:submit");
	}

	/** Moves through /join with TAB only, typing into whatever has focus, and sends it with ENTER. */
	private void signUpWithTheKeyboard(String path, String address) {
		open(path);
		tab();
		assertThat(activeId()).isEqualTo("a:language");
		for (String[] field : new String[][] { { "email", address }, { "firstName", "Ana" }, { "lastName", "Pérez" },
				{ "zip", "10004" }, { "streetAddress", "125 Broad Street" } }) {
			tab();
			assertThat(activeId()).isEqualTo(field[0]);
			driver.switchTo().activeElement().sendKeys(field[1]);
		}
		tab();
		assertThat(activeId()).isEqualTo("consent");
		driver.switchTo().activeElement().sendKeys(Keys.SPACE);
		assertThat(byId("consent").isSelected()).isTrue();
		tab();
		assertThat(activeId()).isEqualTo("a:privacy-policy");
		tab();
		assertThat(activeId()).isEqualTo("button:submit");
		clock.advance(FILL_TIME);
		driver.switchTo().activeElement().sendKeys(Keys.ENTER);
	}

	/** Opens the emailed link, TABs to the page's only button and presses ENTER; returns the result's h1. */
	private String confirmWithTheKeyboard(String link) {
		driver.get(local(link));
		tab();
		assertThat(activeId()).isEqualTo("button:submit");
		WebElement button = driver.switchTo().activeElement();
		button.sendKeys(Keys.ENTER);
		return awaitNextPage(button);
	}

	private void tab() {
		new Actions(driver).sendKeys(Keys.TAB).perform();
	}

	/** The focused element: its id, or for elements without one a short description. */
	private String activeId() {
		WebElement active = driver.switchTo().activeElement();
		String id = active.getDomAttribute("id");
		if (id != null && !id.isEmpty()) {
			return id;
		}
		String tag = active.getTagName().toLowerCase();
		if (tag.equals("a")) {
			if (active.getDomAttribute("hreflang") != null) {
				return "a:language";
			}
			if (active.findElements(By.xpath("parent::p[@id='privacy']")).size() == 1) {
				return "a:privacy-policy";
			}
			return "a:" + active.getDomAttribute("href");
		}
		return tag + ":" + active.getDomAttribute("type");
	}

	private void assertError(String field, String message) {
		WebElement input = byId(field);
		assertThat(input.getDomAttribute("aria-invalid")).as(field + " aria-invalid").isEqualTo("true");
		List<String> describedBy = Arrays.asList(input.getDomAttribute("aria-describedby").split("\\s+"));
		assertThat(describedBy).as(field + " aria-describedby").contains(field + "-error");
		WebElement error = byId(field + "-error");
		assertThat(error.getText()).isEqualTo(message);
		assertThat(error.isDisplayed()).isTrue();
	}

}
