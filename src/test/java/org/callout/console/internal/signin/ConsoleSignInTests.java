package org.callout.console.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** The console's sign-in over real HTTP: sessions, cookies, CSRF, throttling, sign-out, expiry, and their audit. */
@H2Database
class ConsoleSignInTests extends SignupFlowSupport {

	static final String PASSWORD = "correct horse battery staple";

	@Autowired
	ServletWebServerApplicationContext server;

	ConsoleClient browser;

	String username;

	@BeforeEach
	void newBrowserAndAccount() throws Exception {
		browser = new ConsoleClient(base());
		username = account("ORGANIZER");
	}

	@Test
	void aConsolePageSendsSomeoneSignedOutToTheSignInPageWithoutMakingASession() throws Exception {
		HttpResponse<String> answer = browser.get("/console");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(location(answer)).isEqualTo("/console/login");
		HttpResponse<String> page = browser.get("/console/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in to Callout").contains("name=\"_csrf\"");
		assertThat(browser.session()).isNull();
	}

	@Test
	void signingInGivesAHardenedSessionCookieAndOpensTheConsole() throws Exception {
		HttpResponse<String> answer = browser.signIn(username, PASSWORD);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		assertThat(location(answer)).isEqualTo("/console");
		String cookie = browser.setCookie(ConsoleSecurityConfiguration.SESSION_COOKIE);
		// The tests' public base URL is https, so the cookie is Secure even though this connection is plain http.
		assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax").contains("Path=/console");
		HttpResponse<String> home = browser.get("/console");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Signed in as " + username + " (organizer)");
		// Sign-in dropped the CSRF token it was made with; the first page after it makes a new one.
		assertThat(browser.setCookie(ConsoleSecurityConfiguration.CSRF_COOKIE)).contains("HttpOnly")
			.contains("Secure")
			.contains("SameSite=Lax")
			.contains("Path=/console");
	}

	@Test
	void signingInAgainGivesANewSessionId() throws Exception {
		browser.signIn(username, PASSWORD);
		String first = browser.session();

		browser.get("/console");
		browser.post("/console/login", Map.of("username", username, "password", PASSWORD, "_csrf", loginCsrf()));

		assertThat(browser.session()).isNotNull().isNotEqualTo(first);
		ConsoleClient thief = new ConsoleClient(base());
		thief.cookies.put(ConsoleSecurityConfiguration.SESSION_COOKIE, first);
		assertThat(thief.get("/console").statusCode()).isEqualTo(302);
	}

	@Test
	void anEmailAddressSignsInLikeTheAccountName() throws Exception {
		HttpResponse<String> answer = browser.signIn(username.toUpperCase() + "@Example.org", PASSWORD);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		assertThat(browser.get("/console").body()).contains("Signed in as " + username);
	}

	@Test
	void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() throws Exception {
		HttpResponse<String> wrongPassword = browser.signIn(username, "not the password at all");
		HttpResponse<String> unknown = new ConsoleClient(base()).signIn("nobody-" + username, "not the password at all");

		assertThat(wrongPassword.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
		assertThat(normalized(wrongPassword.body())).isEqualTo(normalized(unknown.body()));
		assertThat(wrongPassword.body()).contains("The account name or password is not right")
			.contains("value=\"" + username + "\"")
			.doesNotContain("not the password at all");
		assertThat(browser.session()).isNull();
	}

	@Test
	void aDisabledAccountCannotSignInAndGetsTheSameAnswer() throws Exception {
		disable(username);

		HttpResponse<String> answer = browser.signIn(username, PASSWORD);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("The account name or password is not right");
	}

	@Test
	void aSignInWithoutTheCsrfTokenShowsTheFormAgainWithANote() throws Exception {
		HttpResponse<String> answer = browser.post("/console/login", Map.of("username", username, "password", PASSWORD));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("The sign-in page had expired").contains("value=\"" + username + "\"");
		assertThat(browser.session()).isNull();
	}

	@Test
	void afterTooManyFailuresEvenTheRightPasswordWaitsAndTheLockIsAuditedOnce() throws Exception {
		for (int failure = 1; failure <= 6; failure++) {
			assertThat(browser.signIn(username, "wrong password " + failure).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> locked = browser.signIn(username, PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(locked.body()).contains("Too many failed sign-ins").contains("Wait 1 minute");
		assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(429);
		assertThat(browser.session()).isNull();
		assertThat(entries("console.signin.locked", "account:" + username)).hasSize(1);
		// Six failures from one address within the minute: one entry (SignInRefusals), then the lock's own.
		assertThat(entries("console.signin", "account:" + username)).hasSize(1)
			.allSatisfy(entry -> assertThat(entry.get("outcome").asString()).isEqualTo("refused"));

		clock.advance(Duration.ofSeconds(61));
		assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
	}

	@Test
	void anUnknownNameIsLockedLikeAnAccount() throws Exception {
		String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (int failure = 1; failure <= 6; failure++) {
			browser.signIn(nobody, "wrong password " + failure);
		}

		assertThat(browser.signIn(nobody, PASSWORD).statusCode()).isEqualTo(429);
	}

	@Test
	void signingOutEndsTheSessionAndIsAudited() throws Exception {
		browser.signIn(username, PASSWORD);
		String session = browser.session();
		browser.get("/console");

		HttpResponse<String> answer = browser.signOut();

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(location(answer)).isEqualTo("/console/login?signedOut");
		assertThat(browser.session()).isNull();
		ConsoleClient replay = new ConsoleClient(base());
		replay.cookies.put(ConsoleSecurityConfiguration.SESSION_COOKIE, session);
		assertThat(location(replay.get("/console"))).isEqualTo("/console/login?expired");
		JsonNode signedOut = entries("console.signout", "account:" + username);
		assertThat(signedOut).hasSize(1);
		assertThat(signedOut.get(0).get("actor").asString()).isEqualTo(username);
		assertThat(signedOut.get(0).get("channel").asString()).isEqualTo("console");
		JsonNode signedIn = entries("console.signin", "account:" + username);
		assertThat(signedIn).hasSize(1);
		assertThat(signedIn.get(0).get("actor").asString()).isEqualTo(username);
		assertThat(signedIn.get(0).get("outcome").asString()).isEqualTo("ok");
	}

	@Test
	void aSessionEndsAfterTheIdleTimeoutAndSaysSo() throws Exception {
		browser.signIn(username, PASSWORD);
		Session session = tomcatSession(browser.session());
		assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);

		session.expire();

		HttpResponse<String> answer = browser.get("/console");
		assertThat(location(answer)).isEqualTo("/console/login?expired");
		assertThat(browser.get("/console/login?expired").body()).contains("Your session ended");
	}

	@Test
	void disablingAnAccountEndsItsOpenSessionAtTheNextRequest() throws Exception {
		browser.signIn(username, PASSWORD);
		assertThat(browser.get("/console").statusCode()).isEqualTo(200);

		disable(username);

		assertThat(browser.get("/console").statusCode()).isEqualTo(302);
	}

	@Test
	void aRoleChangedByAnAdminAppliesToAnOpenSessionAtItsNextRequest() throws Exception {
		browser.signIn(username, PASSWORD);
		assertThat(browser.get("/console/accounts").statusCode()).isEqualTo(403);

		long id = jdbc.sql("SELECT id FROM accounts WHERE username = :name").param("name", username).query(Long.class).single();
		assertThat(send("PUT", "/api/v1/accounts/" + id, "{\"role\":\"ADMIN\"}").statusCode()).isEqualTo(200);

		assertThat(browser.get("/console/accounts").statusCode()).isNotEqualTo(403);
		assertThat(browser.get("/console").body()).contains("Signed in as " + username + " (admin)");
	}

	@Test
	void aViewerIsRefusedAChangeWithAPageAndAnAuditEntry() throws Exception {
		String viewer = account("VIEWER");
		browser.signIn(viewer, PASSWORD);
		browser.get("/console");

		HttpResponse<String> answer = browser.post("/console/bills", Map.of("printNumber", "S3076A", "_csrf", browser.csrf));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.body()).contains("Your role does not allow this");
		JsonNode refused = entries("refused", "POST /console/bills");
		assertThat(refused).anySatisfy(entry -> assertThat(entry.get("actor").asString()).isEqualTo(viewer));
	}

	private String loginCsrf() throws Exception {
		browser.get("/console/login");
		// Signed in already, the sign-in page sends you to the console; the console's sign-out form has a token.
		browser.get("/console");
		return browser.csrf;
	}

	private Session tomcatSession(String id) throws Exception {
		TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
		Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
		return context.getManager().findSession(id);
	}

	private String account(String role) throws Exception {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = send("POST", "/api/v1/accounts",
				json.writeValueAsString(Map.of("username", name, "email", name + "@example.org", "password", PASSWORD, "role", role)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

	private void disable(String name) throws Exception {
		long id = jdbc.sql("SELECT id FROM accounts WHERE username = :name").param("name", name).query(Long.class).single();
		HttpResponse<String> changed = send("PUT", "/api/v1/accounts/" + id, "{\"disabled\":true}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
	}

	private JsonNode entries(String action, String target) throws Exception {
		JsonNode all = json.readTree(admin("/api/v1/audit?action=" + action + "&limit=500").body()).get("entries");
		return json.valueToTree(java.util.stream.StreamSupport.stream(all.spliterator(), false)
			.filter(entry -> action.equals(entry.get("action").asString()) && target.equals(entry.get("target").asString()))
			.toList());
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Where a redirect points, without the scheme and host. */
	private static String location(HttpResponse<String> answer) {
		URI to = URI.create(answer.headers().firstValue("Location").orElseThrow());
		return to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
	}

	private static String normalized(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "_csrf").replaceAll("id=\"username\"[^>]*>", "username>");
	}

}
