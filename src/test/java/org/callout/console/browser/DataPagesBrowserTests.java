package org.callout.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.callout.support.SharedData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Lists, the kiosk allow-list, the legislator directory and the CSV import in real Chromium, keyboard only, axe on each page. */
@H2Database
class DataPagesBrowserTests extends ConsoleBrowserSupport {

	@Test
	void anOrganizerMakesAListAndAKioskEntryAndSearchesTheDirectoryWithTheKeyboard() throws Exception {
		signIn("ORGANIZER");
		String slug = "walkers-" + UUID.randomUUID().toString().substring(0, 8);

		press(By.cssSelector("nav a[href='/console/lists']"));
		assertThat(path(driver)).isEqualTo("/console/lists");
		assertAccessible();
		press(By.id("new-list"));
		assertAccessible();
		tabTo(By.id("slug")).sendKeys(slug);
		tabTo(By.id("name")).sendKeys("Saturday <walkers>");
		tabTo(By.id("isPublic")).sendKeys(Keys.SPACE);
		press(By.id("save"));

		assertThat(driver.findElement(By.id("note")).getText()).contains(slug);
		assertThat(driver.findElement(By.cssSelector("table.data")).getText()).contains("Saturday <walkers>");
		assertAccessible();

		press(By.id("kiosk"));
		assertAccessible();
		tabTo(By.id("cidr")).sendKeys("198.51.100.0/26");
		tabTo(By.id("label")).sendKeys("Town hall");
		press(By.id("add"));
		assertThat(driver.findElement(By.id("note")).getText()).contains("198.51.100.0/26");
		assertThat(driver.findElement(By.cssSelector("table.data")).getText()).contains("Town hall");
		assertAccessible();

		press(By.cssSelector("nav a[href='/console/legislators']"));
		assertAccessible();
		tabTo(By.id("district")).sendKeys("1");
		press(By.id("search"));
		assertThat(driver.findElement(By.id("people")).getText()).contains("Tony Palumbo");
		assertAccessible();

		press(By.id("import"));
		assertAccessible();
		tabTo(By.id("source")).sendKeys(SharedData.file("ny-legislators.csv").toString());
		// A radio group is one Tab stop; the arrow keys choose within it.
		tabTo(By.id("format-yaml")).sendKeys(Keys.ARROW_DOWN);
		assertThat(driver.findElement(By.id("format-csv")).isSelected()).isTrue();
		press(By.id("dry-run"));
		assertThat(driver.findElement(By.id("report")).getText()).contains("What the import would do");
		assertThat(driver.findElement(By.id("apply")).isDisplayed()).isTrue();
		assertAccessible();
	}

	@Test
	void anOrganizerImportsACsvAfterItsDryRunWithTheKeyboard() throws Exception {
		signIn("ORGANIZER");
		String email = "browser-import-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Path csv = Files.createTempFile("console-import-", ".csv");
		Files.writeString(csv, "email,first_name,zip\n" + email + ",Rosa,12207\nnot-an-address,Ana,\n", StandardCharsets.UTF_8);

		driver.get(base() + "/console/subscribers/import");
		assertAccessible();
		tabTo(By.id("file")).sendKeys(csv.toString());
		press(By.id("dry-run"));

		assertThat(driver.findElement(By.id("rows")).getText()).contains(email).contains("new").contains("not-an-address").contains("refused");
		assertThat(driver.findElement(By.id("count-new")).getText()).isEqualTo("1");
		assertAccessible();
		press(By.id("import"));

		assertThat(path(driver)).matches("/console/subscribers/import/\\d+");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Done: 2 of 2 rows.");
		assertThat(driver.findElement(By.id("count-new")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("count-refused")).getText()).isEqualTo("1");
		assertAccessible();
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email = '" + email + "'")).isEqualTo(1);
	}

}
