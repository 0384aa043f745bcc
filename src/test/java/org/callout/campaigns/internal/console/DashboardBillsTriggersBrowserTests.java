package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard, bills and triggers pages in real Chromium, keyboard only, each page checked by axe-core. The
 * bill is S3076A of the 2023 session: the other tests track the New York for All Act in 2021 and 2025.
 */
@H2Database
class DashboardBillsTriggersBrowserTests extends ConsoleBrowserSupport {

	@Test
	void anOrganizerTracksS3076ASetsItsStatusByHandAndMakesATrigger() throws Exception {
		String list = list();
		signIn("ORGANIZER");
		assertAccessible();

		press(By.cssSelector("nav a[href='/console/bills']"));
		assertAccessible();
		tabTo(By.id("printNo")).sendKeys("S3076A");
		tabTo(By.id("sameAs")).sendKeys("A2328A");
		tabTo(By.id("session")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2023");
		press(By.id("add-bill"));

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bill S3076A / A2328A");
		assertThat(driver.findElement(By.id("acts-next")).getText()).isEqualTo("Both the Senate and the Assembly");
		assertAccessible();
		tabTo(By.id("status")).sendKeys("Passed the Senate");
		assertThat(driver.findElement(By.id("status")).getAttribute("value")).isEqualTo("PASSED_SENATE");
		tabTo(By.id("actionDate")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2023-05-01");
		press(By.id("set-status"));

		assertThat(driver.findElement(By.id("note")).getText()).startsWith("The status was recorded and announced");
		assertThat(driver.findElement(By.id("timeline")).getText()).contains("2023-05-01").contains("S3076A: Passed the Senate");
		assertThat(driver.findElement(By.id("acts-next")).getText()).isEqualTo("The Assembly");
		String bill = path(driver).substring("/console/bills/".length());
		assertAccessible();

		press(By.cssSelector("nav a[href='/console/triggers']"));
		assertAccessible();
		press(By.id("new-trigger"));
		assertAccessible();
		choose(By.id("billId"), bill);
		tabTo(By.id("status-PASSED_ASSEMBLY")).sendKeys(Keys.SPACE);
		tabTo(By.id("list-" + list)).sendKeys(Keys.SPACE);
		press(By.id("save-trigger"));

		assertThat(path(driver)).isEqualTo("/console/triggers?saved");
		assertThat(driver.findElement(By.id("note")).getText()).isEqualTo("The trigger was saved.");
		WebElement row = driver.findElements(By.cssSelector("#triggers tbody tr")).getLast();
		assertThat(row.getText()).contains("S3076A / A2328A").contains("Passed the Assembly").contains("An organizer approves");
		assertAccessible();
		press(By.id(row.getAttribute("id").replace("trigger-", "edit-")));
		assertThat(driver.findElement(By.id("status-PASSED_ASSEMBLY")).isSelected()).isTrue();
		assertAccessible();

		press(By.cssSelector("nav a[href='/console']"));
		assertThat(driver.findElement(By.id("dashboard-bills")).getText()).contains("S3076A / A2328A").contains("The Assembly");
		assertAccessible();
	}

	@Test
	void aViewerSeesNoButtonThatChangesAnything() throws Exception {
		HttpResponse<String> created = postJson("/api/v1/bills", json.writeValueAsString(Map.of("session", 2023, "printNo",
				"S" + (100000 + (int) (Math.random() * 800000)))), Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long bill = json.readTree(created.body()).get("id").asLong();
		signIn("VIEWER");

		for (String page : new String[] { "/console", "/console/bills", "/console/bills/" + bill, "/console/triggers" }) {
			driver.get(base() + page);
			assertThat(driver.findElements(By.cssSelector("main button, main form, main a.button"))).as(page).isEmpty();
			assertAccessible();
		}
	}

	private String list() throws Exception {
		String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = postJson("/api/v1/lists", json.writeValueAsString(Map.of("slug", slug, "name",
				"AAA members " + slug, "isPublic", true)), Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return slug;
	}

}
