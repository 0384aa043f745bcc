package org.callout.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.Context;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** Sign-in, sign-out and an ended session in real Chromium, keyboard only, each page checked by axe-core. */
@H2Database
class SignInBrowserTests extends ConsoleBrowserSupport {

	@Autowired
	ServletWebServerApplicationContext server;

	@Test
	void anOrganizerSignsInAndOutWithTheKeyboard() throws Exception {
		String name = account("ORGANIZER");
		driver.get(base() + "/console");
		assertThat(path(driver)).isEqualTo("/console/login");
		assertAccessible();

		tabTo(By.id("username")).sendKeys(name);
		tabTo(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);

		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
		assertThat(path(driver)).isEqualTo("/console");
		assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as " + name + " (organizer)");
		assertAccessible();

		press(By.id("signout"));

		assertThat(path(driver)).isEqualTo("/console/login?signedOut");
		assertThat(driver.findElement(By.id("note")).getText()).isEqualTo("You are signed out.");
		assertAccessible();
		driver.get(base() + "/console");
		assertThat(path(driver)).isEqualTo("/console/login");
	}

	@Test
	void aWrongPasswordShowsOneErrorAndKeepsTheName() throws Exception {
		String name = account("VIEWER");
		driver.get(base() + "/console/login");

		tabTo(By.id("username")).sendKeys(name);
		tabTo(By.id("password")).sendKeys("not the right one at all", Keys.ENTER);

		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-error")));
		assertThat(driver.findElement(By.id("signin-error")).getText()).startsWith("The account name or password is not right");
		assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo(name);
		assertThat(driver.findElement(By.id("password")).getAttribute("value")).isEmpty();
		assertAccessible();
	}

	@Test
	void anEndedSessionSendsThePersonToSignInAgainWithANoteAndBackToTheirPage() throws Exception {
		String name = signIn("ORGANIZER");
		Cookie session = driver.manage().getCookieNamed("callout_console");
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");

		expire(session.getValue());
		driver.get(base() + "/console?from=bookmark");

		assertThat(path(driver)).isEqualTo("/console/login?expired");
		assertThat(driver.findElement(By.id("note")).getText()).startsWith("Your session ended");
		assertAccessible();
		tabTo(By.id("username")).sendKeys(name);
		tabTo(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
		assertThat(path(driver)).isEqualTo("/console?from=bookmark");
	}

	private void expire(String sessionId) throws Exception {
		TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
		Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
		context.getManager().findSession(sessionId).expire();
	}

}
