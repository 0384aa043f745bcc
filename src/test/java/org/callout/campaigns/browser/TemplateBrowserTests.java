package org.callout.campaigns.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The template pages in real Chromium, keyboard only, each page checked by axe-core. */
@H2Database
class TemplateBrowserTests extends ConsoleBrowserSupport {

	String name;

	@BeforeEach
	void aTemplateOfThisTestsOwn() throws Exception {
		name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> languages = Map.of("en", words("en"), "es", words("es"));
		HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/templates/" + name))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("languages", languages))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
	}

	@Test
	void anOrganizerEditsATemplateSeesTheLivePreviewInEnglishAndSpanishAndSavesIt() throws Exception {
		signIn("ORGANIZER");
		press(By.linkText("Templates"));
		assertThat(path(driver)).isEqualTo("/console/templates");
		assertAccessible();

		press(By.id("open-" + name));
		assertThat(path(driver)).isEqualTo("/console/templates/" + name);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("text-preview-es")));
		assertAccessible();

		tabTo(By.id("text-en")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nP.S. Thank you, {{firstName}}!");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("text-preview-en"), "P.S. Thank you, Friend!"));
		tabTo(By.id("text-es")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nP.D. Gracias, {{firstName}}.");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("text-preview-es"), "P.D. Gracias, Amigo/a."));
		assertThat(driver.findElement(By.id("preview-status")).getText()).isEqualTo("Preview updated.");
		assertThat(driver.findElement(By.id("html-preview-en")).getAttribute("sandbox")).isEmpty();
		assertAccessible();

		press(By.id("save"));

		assertThat(path(driver)).isEqualTo("/console/templates/" + name + "?saved=2");
		assertThat(driver.findElement(By.id("saved")).getText()).isEqualTo("Saved as version 2.");
		assertThat(driver.findElement(By.id("text-en")).getAttribute("value")).endsWith("P.S. Thank you, {{firstName}}!");
		assertAccessible();

		press(By.id("versions"));
		assertThat(path(driver)).isEqualTo("/console/templates/" + name + "/versions");
		assertAccessible();
		press(By.id("compare"));
		assertThat(path(driver)).isEqualTo("/console/templates/" + name + "/versions?from=1&to=2");
		assertThat(driver.findElement(By.id("diff-en-text")).getText()).contains("+P.S. Thank you, {{firstName}}!");
		assertThat(driver.findElement(By.id("diff-es-text")).getText()).contains("+P.D. Gracias, {{firstName}}.");
		assertAccessible();
	}

	@Test
	void aTemplateSyntaxErrorIsShownAtItsLineAndNothingIsSaved() throws Exception {
		signIn("ORGANIZER");
		driver.get(base() + "/console/templates/" + name);
		int lines = words("en").get("text").split("\n", -1).length;

		tabTo(By.id("text-en")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n{{#senator}}Call {{senator.name}}");
		press(By.id("save"));

		assertThat(driver.findElement(By.id("error-summary")).getText())
			.contains("Text part, English, line " + (lines + 1) + ": section '{{#senator}}' is never closed");
		assertThat(driver.findElement(By.id("text-en-error")).getText())
			.startsWith("Line " + (lines + 1) + ": ").contains("{{#senator}}Call {{senator.name}}");
		assertThat(driver.findElement(By.id("text-en")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("text-en")).getAttribute("value")).endsWith("\n{{#senator}}Call {{senator.name}}");
		assertAccessible();
	}

	private static Map<String, String> words(String language) throws Exception {
		Path files = Path.of("templates/campaigns");
		return Map.of("text", Files.readString(files.resolve("call-your-legislator." + language + ".txt")), "html",
				Files.readString(files.resolve("call-your-legislator." + language + ".html")));
	}

}
