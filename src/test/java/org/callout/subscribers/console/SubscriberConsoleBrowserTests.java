package org.callout.subscribers.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.callout.support.ApiSignups;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** An organizer finds a subscriber, reads their consent, corrects their ZIP and sets their districts: keyboard only. */
@H2Database
class SubscriberConsoleBrowserTests extends ConsoleBrowserSupport {

	@Test
	void anOrganizerFindsASubscriberReadsTheirConsentCorrectsTheZipAndSetsDistrictsByKeyboard() throws Exception {
		String address = "browse-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		ApiSignups.signUp(port, address);
		long id = jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", address).query(Long.class).single();
		String words = terms("en").get("text").asString();
		signIn("ORGANIZER");
		assertAccessible();

		press(By.cssSelector("nav a[href='/console/subscribers']"));
		assertThat(path(driver)).isEqualTo("/console/subscribers");
		assertAccessible();

		tabTo(By.id("q")).sendKeys(address.substring(0, 14), Keys.ENTER);
		waiting().until(d -> d.findElements(By.id("results")).size() == 1);
		assertAccessible();

		press(By.id("subscriber-" + id));
		assertThat(path(driver)).isEqualTo("/console/subscribers/" + id);
		assertThat(driver.findElement(By.id("consent")).getText()).contains("Agreed").contains(words);
		assertThat(driver.findElement(By.id("memberships")).getText()).contains("Not confirmed yet");
		assertAccessible();

		tabTo(By.id("zip")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "12207");
		press(By.id("correct"));
		assertThat(driver.findElement(By.id("note")).getText()).isEqualTo("The details were saved.");
		assertThat(driver.findElement(By.id("fact-zip")).getText()).isEqualTo("12207");
		assertAccessible();

		press(By.id("districts"));
		assertThat(path(driver)).isEqualTo("/console/subscribers/" + id + "/districts");
		assertAccessible();
		tabTo(By.id("senateDistrict")).sendKeys("46");
		tabTo(By.id("assemblyDistrict")).sendKeys("109");
		press(By.id("set-districts"));

		assertThat(driver.findElement(By.id("note")).getText()).isEqualTo("The districts were set.");
		assertThat(driver.findElement(By.id("source")).getText()).isEqualTo("Set by hand by an organizer");
		assertThat(driver.findElement(By.id("confidence")).getText()).isEqualTo("Exact");
		assertThat(driver.findElement(By.id("senate")).getText()).isEqualTo("46");
		assertAccessible();
	}

	@Test
	void anAdminOpensTheExportChoiceAndErasesAPersonAfterTypingTheirAddressAgainByKeyboard() throws Exception {
		String address = "erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		ApiSignups.signUp(port, address);
		long id = jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", address).query(Long.class).single();
		signIn("ADMIN");
		press(By.cssSelector("nav a[href='/console/subscribers']"));

		press(By.id("export"));
		assertThat(path(driver)).isEqualTo("/console/subscribers/export");
		assertAccessible();
		press(By.linkText("Back to the search"));

		tabTo(By.id("q")).sendKeys(address, Keys.ENTER);
		waiting().until(d -> d.findElements(By.id("results")).size() == 1);
		press(By.id("subscriber-" + id));
		press(By.id("erase"));
		assertThat(path(driver)).isEqualTo("/console/subscribers/" + id + "/erase");
		assertAccessible();

		tabTo(By.id("email")).sendKeys("not-" + address);
		press(By.id("confirm-erase"));
		assertThat(driver.findElement(By.id("email-error")).getText()).startsWith("That is not this person");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE id = " + id)).isOne();
		assertAccessible();

		tabTo(By.id("email")).sendKeys(Keys.chord(Keys.CONTROL, "a"), address);
		press(By.id("confirm-erase"));

		assertThat(path(driver)).isEqualTo("/console/subscribers?erased");
		assertThat(driver.findElement(By.id("note")).getText()).startsWith("The person was erased.");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE id = " + id)).isZero();
		assertAccessible();
	}

}
