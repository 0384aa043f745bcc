package org.callout.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.callout.support.Browser;
import org.callout.support.H2Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@H2Database
class HomePageBrowserTests {

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start();
	}

	@AfterEach
	void quitBrowser() {
		if (browser != null) {
			Browser.release(browser);
		}
	}

	@Test
	void theHomePageSaysWhatTheServiceIs() {
		browser.get("http://localhost:" + port + "/");

		assertThat(browser.getTitle()).isEqualTo("Callout");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Callout");
		assertThat(browser.findElement(By.cssSelector("p.lead")).getText())
			.contains("New York Civil Liberties Union uses Callout")
			.contains("state senator and assembly member");
	}

	@Test
	void theHomePageSpeaksSpanishToASpanishBrowser() {
		browser.get("http://localhost:" + port + "/?lang=es");

		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(browser.findElement(By.cssSelector("p.lead")).getText()).contains("senador estatal");
	}

}
