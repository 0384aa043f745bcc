package org.callout.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.callout.mail.MailProperties;
import org.callout.platform.CalloutProperties;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

/** An admin's console pages in real Chromium, keyboard only, each page checked by axe-core. */
@H2Database
class AdminConsoleBrowserTests extends ConsoleBrowserSupport {

	@Autowired
	MailProperties mail;

	@Autowired
	CalloutProperties callout;

	@Test
	void anAdminCreatesAnOrganizerAndMakesAndRevokesItsTokenShownOnce() throws Exception {
		signIn("ADMIN");
		driver.get(base() + "/console/accounts");
		assertAccessible();

		press(By.id("new-account"));
		assertThat(path(driver)).isEqualTo("/console/accounts/new");
		assertAccessible();
		String name = "org-" + UUID.randomUUID().toString().substring(0, 8);
		tabTo(By.id("username")).sendKeys(name);
		tabTo(By.id("email")).sendKeys(name + "@example.org");
		// The role list starts at Organizer.
		assertThat(driver.findElement(By.cssSelector("#role option:checked")).getAttribute("value")).isEqualTo("ORGANIZER");
		tabTo(By.id("password")).sendKeys(PASSWORD);
		tabTo(By.id("confirmation")).sendKeys(PASSWORD);
		press(By.id("create-account"));

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Account " + name);
		assertThat(driver.findElement(By.id("role-now")).getText()).isEqualTo("organizer");
		assertAccessible();
		tabTo(By.id("token-name")).sendKeys("laptop");
		press(By.id("make-token"));

		String token = driver.findElement(By.id("token-value")).getText();
		assertThat(token).startsWith("clt_");
		assertAccessible();
		driver.navigate().refresh();
		assertThat(driver.getPageSource()).doesNotContain(token);
		press(By.cssSelector("button[id^='revoke-']"));

		assertThat(driver.findElement(By.id("done")).getText()).startsWith("The token is revoked");
		assertThat(driver.findElements(By.id("no-tokens"))).hasSize(1);
		assertAccessible();
	}

	@Test
	void anAdminFiltersTheAuditLogByActor() throws Exception {
		String admin = signIn("ADMIN");
		driver.get(base() + "/console/me");
		assertAccessible();
		tabTo(By.id("token-name")).sendKeys("for the log");
		press(By.id("make-token"));

		driver.get(base() + "/console/audit");
		assertAccessible();
		tabTo(By.id("actor")).sendKeys(admin);
		press(By.id("filter"));

		assertThat(path(driver)).startsWith("/console/audit?actor=" + admin);
		var rows = driver.findElements(By.cssSelector("#entries tbody tr"));
		assertThat(rows).isNotEmpty();
		assertThat(rows).allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo(admin));
		assertThat(rows.getFirst().findElements(By.tagName("td")).get(3).getText()).isEqualTo("token.create");
		assertAccessible();
	}

	@Test
	void aViewerReadsAnEmailInTheOutbox() throws Exception {
		signIn("VIEWER");
		String subject = "Please confirm " + UUID.randomUUID().toString().substring(0, 8);
		writeEmail(subject);
		driver.get(base() + "/console/outbox");
		assertAccessible();

		press(By.linkText(subject));

		assertThat(path(driver)).startsWith("/console/outbox/message?file=");
		assertThat(driver.findElement(By.id("text-part")).getText()).contains("Hello Ana");
		assertThat(driver.findElement(By.id("html-part")).getAttribute("sandbox")).isEmpty();
		assertAccessible();
	}

	private void writeEmail(String subject) throws Exception {
		Path outbox = mail.outboxDir() != null ? mail.outboxDir() : callout.dataDir().resolve("outbox");
		Files.createDirectories(outbox);
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("campaign@example.org"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(unique("ana")));
		message.setSubject(subject, "UTF-8");
		message.setSentDate(new java.util.Date());
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText("Hello Ana, please confirm.", "UTF-8");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setContent("<html lang=\"en\"><head><title>Confirm</title></head><body><p>Hello <b>Ana</b></p></body></html>",
				"text/html; charset=UTF-8");
		message.setContent(new MimeMultipart("alternative", plain, rich));
		message.saveChanges();
		try (OutputStream out = Files.newOutputStream(outbox.resolve("20261201-180000-000-" + UUID.randomUUID().toString().substring(0, 8) + ".eml"))) {
			message.writeTo(out);
		}
	}

}
