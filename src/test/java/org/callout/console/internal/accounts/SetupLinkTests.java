package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.callout.platform.CalloutProperties;
import org.callout.support.H2Database;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The first admin on a fresh install: the start writes a one-time link to an owner-only file, the link's page makes one
 * admin once, and a wrong, expired or used link gets a page saying which. The tests share one fresh database and run in
 * order: the last one creates the admin.
 */
@H2Database
// Its own context and database: the admin these tests create would end every other class's fresh start.
@TestPropertySource(properties = "callout.test.context=setup-link")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupLinkTests extends AccountsSupport {

	@Autowired
	CalloutProperties properties;

	@Autowired
	SetupLinks links;

	private Path file() {
		return properties.dataDir().resolve("secrets").resolve("setup-link");
	}

	private String token() throws Exception {
		String link = Files.readString(file()).strip();
		assertThat(link).startsWith("https://act.example.org/console/setup?token=setup_");
		return link.substring(link.indexOf("token=") + 6);
	}

	@Test
	@Order(1)
	void aFreshStartWritesTheLinkToAFileOnlyItsOwnerReads() throws Exception {
		assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(token()).hasSizeGreaterThan(40);
		assertThat(count("SELECT COUNT(*) FROM accounts")).isZero();
	}

	@Test
	@Order(2)
	void aWrongLinkGetsAPageSayingSo() throws Exception {
		HttpResponse<String> page = get(base() + "/console/setup?token=setup_not-a-real-one");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("This setup link does not work");
	}

	@Test
	@Order(3)
	void anExpiredLinkGetsAPageSayingSo() throws Exception {
		Path file = links.issue();
		String expired = Files.readString(file).strip();
		clock.advance(SetupLinks.VALID.plus(Duration.ofMinutes(1)));
		links.issue(); // The file holds a live link again for the tests after this one.

		HttpResponse<String> page = get(base() + "/console/setup?token=" + expired.substring(expired.indexOf("token=") + 6));

		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("This setup link has expired");
	}

	@Test
	@Order(4)
	void aShortPasswordComesBackAtItsFieldWithTheNameAndEmailTypedAndNoAccount() throws Exception {
		HttpResponse<String> answer = submit(token(), "first-admin", "admin@example.org", "too short", "too short");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("id=\"password-error\"").contains("value=\"first-admin\"").contains("value=\"admin@example.org\"")
			.doesNotContain("too short\"");
		assertThat(count("SELECT COUNT(*) FROM accounts")).isZero();
	}

	@Test
	@Order(5)
	void aFormWithoutItsCsrfTokenCreatesNothing() throws Exception {
		String form = "token=" + encode(token()) + "&username=first-admin&email=admin%40example.org&password=" + encode(PASSWORD)
				+ "&confirmation=" + encode(PASSWORD);
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + SetupLinks.PATH))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(answer.body()).contains("The form had expired");
		assertThat(count("SELECT COUNT(*) FROM accounts")).isZero();
	}

	@Test
	@Order(6)
	void theLinkCreatesTheFirstAdminOnceWithAFirstTokenAndASecondUseIsRefused() throws Exception {
		String token = token();

		HttpResponse<String> done = submit(token, "first-admin", "admin@example.org", PASSWORD, PASSWORD);
		HttpResponse<String> again = get(base() + SetupLinks.PATH + "?token=" + encode(token));

		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(done.body()).contains("Your admin account is ready");
		String apiToken = find("<code id=\"token\">(clt_[A-Za-z0-9_-]+)</code>", done.body());
		HttpResponse<String> me = call("GET", "/api/v1/me", apiToken, null);
		assertThat(json.readTree(me.body()).get("role").asString()).isEqualTo("ADMIN");
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("Callout is set up already");
		assertThat(count("SELECT COUNT(*) FROM accounts")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.create' AND target = 'account:first-admin'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'token.create' AND target = 'account:first-admin'")).isEqualTo(1);
	}

	/** GETs the link's page (for its CSRF cookie and field), then posts its form. */
	private HttpResponse<String> submit(String token, String username, String email, String password, String confirmation) throws Exception {
		HttpResponse<String> page = get(base() + SetupLinks.PATH + "?token=" + encode(token));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", find("name=\"_csrf\" value=\"([^\"]*)\"", page.body()));
		fields.put("token", token);
		fields.put("username", username);
		fields.put("email", email);
		fields.put("password", password);
		fields.put("confirmation", confirmation);
		String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(base() + SetupLinks.PATH))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
