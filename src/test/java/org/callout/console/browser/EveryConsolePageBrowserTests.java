package org.callout.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every console page that needs no record to show, as an admin sees it (the most buttons), through axe-core: the
 * sections' own browser tests check the pages of one bill, blast, template or person on the way through their flows.
 */
@H2Database
class EveryConsolePageBrowserTests extends ConsoleBrowserSupport {

	static final List<String> PAGES = List.of("/console", "/console/bills", "/console/triggers", "/console/triggers/new",
			"/console/templates", "/console/blasts", "/console/subscribers", "/console/subscribers?q=a", "/console/subscribers/import",
			"/console/subscribers/export", "/console/lists", "/console/lists/new", "/console/lists/kiosk", "/console/legislators",
			"/console/legislators/import", "/console/accounts", "/console/accounts/new", "/console/audit", "/console/me",
			"/console/outbox");

	@Test
	void everySectionsPagesHaveNoSeriousAccessibilityViolations() throws Exception {
		signIn("ADMIN");

		for (String page : PAGES) {
			driver.get(base() + page);

			assertThat(path(driver)).as(page).isEqualTo(page);
			assertThat(driver.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
			assertThat(driver.findElements(By.cssSelector("header.console-header [aria-current=page]"))).as(page + " names its section").hasSize(1);
			assertAccessible();
		}
	}

	@Test
	void theErrorPagesAConsolePersonMeetsAreAccessibleToo() throws Exception {
		signIn("VIEWER");

		driver.get(base() + "/console/accounts");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your role does not allow this");
		assertAccessible();

		driver.get(base() + "/console/blasts/not-a-number");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
		assertAccessible();
	}

}
