package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.callout.platform.AddressHasher;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organizer's whole path through the console, in Chromium by keyboard only with axe-core on every page: the New
 * York for All Act tracked, a trigger made, the bill moved by hand, the blast the trigger made approved from the
 * dashboard and watched until it is sent through the loopback SMTP server. The bill is of the 2019 session: other
 * tests track it in 2021, 2023 and 2025.
 */
@H2Database
class NewYorkForAllBrowserTests extends ConsoleBrowserSupport {

	@Autowired
	AddressHasher hasher;

	@Test
	void anOrganizerMovesTheNewYorkForAllActAndWatchesItsBlastReachSent() throws Exception {
		String list = new BlastFixtures(base(), ADMIN, jdbc, hasher, clock).list(2);
		signIn("ORGANIZER");

		press(By.cssSelector("nav a[href='/console/bills']"));
		tabTo(By.id("printNo")).sendKeys("S3076A");
		tabTo(By.id("sameAs")).sendKeys("A2328A");
		tabTo(By.id("session")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2019");
		press(By.id("add-bill"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bill S3076A / A2328A");
		String bill = path(driver).substring("/console/bills/".length());
		assertAccessible();

		press(By.cssSelector("nav a[href='/console/triggers']"));
		press(By.id("new-trigger"));
		choose(By.id("billId"), bill);
		tabTo(By.id("status-PASSED_SENATE")).sendKeys(Keys.SPACE);
		tabTo(By.id("list-" + list)).sendKeys(Keys.SPACE);
		WebElement quietHours = driver.findElement(By.id("quietHours"));
		if (quietHours.isSelected()) {
			// Whatever hour the tests run at, the blast must not wait for the morning.
			tabTo(By.id("quietHours")).sendKeys(Keys.SPACE);
		}
		press(By.id("save-trigger"));
		assertThat(path(driver)).isEqualTo("/console/triggers?saved");
		assertAccessible();

		driver.get(base() + "/console/bills/" + bill);
		tabTo(By.id("status")).sendKeys("Passed the Senate");
		tabTo(By.id("actionDate")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2019-06-10");
		press(By.id("set-status"));
		assertThat(driver.findElement(By.id("acts-next")).getText()).isEqualTo("The Assembly");

		// The trigger makes its blast from the status change's event, a moment after the change commits.
		press(By.cssSelector("nav a[href='/console']"));
		Awaitility.await("the trigger's blast on the dashboard").atMost(Duration.ofSeconds(30)).until(() -> {
			driver.navigate().refresh();
			return !driver.findElements(By.cssSelector("#blasts-awaiting a")).isEmpty()
					&& driver.findElement(By.id("blasts-awaiting")).getText().contains("S3076A");
		});
		assertAccessible();
		WebElement blast = driver.findElements(By.cssSelector("#blasts-awaiting tr"))
			.stream()
			.filter(row -> row.getText().contains("S3076A"))
			.findFirst()
			.orElseThrow()
			.findElement(By.tagName("a"));
		press(By.linkText(blast.getText()));
		assertThat(driver.findElement(By.id("blast-state")).getText()).isEqualTo("Awaiting approval");
		assertThat(driver.findElement(By.id("audience-total")).getText()).isEqualTo("If it started now, it would go to 2 people.");
		assertAccessible();

		press(By.id("button-approve"));
		waiting().until(ExpectedConditions.textToBe(By.id("blast-state"), "Sent"));
		assertThat(driver.findElement(By.id("count-sent")).getText()).isEqualTo("2");
		assertThat(driver.findElement(By.id("progress-text")).getText()).isEqualTo("2 of 2 done (2 sent)");
		assertAccessible();
	}

}
