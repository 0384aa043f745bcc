package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The accounts and token pages over real HTTP: one audit entry per action, roles, forms kept, tokens shown once. */
@H2Database
class AccountPagesTests extends SignupFlowSupport {

	static final String PASSWORD = ConsoleBrowserSupport.PASSWORD;

	ConsoleClient admin;

	String adminName;

	@BeforeEach
	void signedInAdmin() throws Exception {
		adminName = account("ADMIN");
		admin = signedIn(adminName);
	}

	@Test
	void creatingAnAccountLeavesOneConsoleEntryAndOpensItsPage() throws Exception {
		String name = "new-" + UUID.randomUUID().toString().substring(0, 8);
		admin.get("/console/accounts/new");

		HttpResponse<String> created = admin.post("/console/accounts/new", form(admin, "username", name, "email", name + "@example.org",
				"password", PASSWORD, "confirmation", PASSWORD, "role", "ORGANIZER"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		long id = id(name);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/console/accounts/" + id);
		HttpResponse<String> page = admin.get("/console/accounts/" + id);
		assertThat(page.body()).contains("The account is created").contains("organizer");
		assertThat(entries("account.create", "account:" + name)).isEqualTo(1);
		assertThat(admin.get("/console/accounts").body()).contains(">" + name + "</a>").contains(name + "@example.org");
	}

	@Test
	void aFormWithErrorsShowsThemAtTheirFieldsAndKeepsWhatWasTypedButThePasswords() throws Exception {
		admin.get("/console/accounts/new");

		HttpResponse<String> refused = admin.post("/console/accounts/new", form(admin, "username", "<b>x</b>", "email", "not-an-address",
				"password", "short pass", "confirmation", "short pass", "role", "VIEWER"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"username-error\"").contains("id=\"email-error\"").contains("id=\"password-error\"")
			.contains("value=\"&lt;b&gt;x&lt;/b&gt;\"").contains("value=\"not-an-address\"")
			.contains("<option value=\"VIEWER\" selected")
			.doesNotContain("short pass");
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE email = 'not-an-address'")).isZero();
		// Recorded as the API records a refused write.
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refused' AND target = 'POST /console/accounts/new' AND actor = '"
				+ adminName + "' AND outcome = 'refused' AND detail = '400 Invalid account'")).isEqualTo(1);
	}

	@Test
	void anAccountThatDoesNotExistIsNotFound() throws Exception {
		assertThat(admin.get("/console/accounts/987654321").statusCode()).isEqualTo(404);
		admin.get("/console/accounts");
		assertThat(admin.post("/console/accounts/987654321/role", form(admin, "role", "ADMIN")).statusCode()).isEqualTo(404);
	}

	@Test
	void twoDifferentPasswordsAreRefusedAtTheSecond() throws Exception {
		admin.get("/console/accounts/new");
		String name = "twice-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> refused = admin.post("/console/accounts/new", form(admin, "username", name, "email", name + "@example.org",
				"password", PASSWORD, "confirmation", PASSWORD + "!", "role", "VIEWER"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"confirmation-error\"").contains("value=\"" + name + "\"");
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE username = '" + name + "'")).isZero();
	}

	@Test
	void changingTheRoleAndDisablingEachLeaveOneConsoleEntry() throws Exception {
		String name = account("VIEWER");
		long id = id(name);
		admin.get("/console/accounts/" + id);

		assertThat(admin.post("/console/accounts/" + id + "/role", form(admin, "role", "ORGANIZER")).statusCode()).isEqualTo(302);
		assertThat(admin.get("/console/accounts/" + id).body()).contains("The role is changed");
		assertThat(admin.post("/console/accounts/" + id + "/disabled", form(admin, "disabled", "true")).statusCode()).isEqualTo(302);

		assertThat(jdbc.sql("SELECT role FROM accounts WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("ORGANIZER");
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE disabled_at IS NOT NULL AND id = " + id)).isEqualTo(1);
		assertThat(entries("account.edit", "account:" + name)).isEqualTo(2);
		assertThat(admin.get("/console/accounts/" + id).body()).contains("The account is disabled").contains("Enable the account");
	}

	@Test
	void aTokenIsShownOnceAndRevokedWithOneEntryEach() throws Exception {
		String name = account("ORGANIZER");
		long id = id(name);
		admin.get("/console/accounts/" + id);

		HttpResponse<String> made = admin.post("/console/accounts/" + id + "/tokens", form(admin, "name", "laptop"));
		assertThat(made.statusCode()).isEqualTo(302);
		String first = admin.get("/console/accounts/" + id).body();
		String token = find("id=\"token-value\" class=\"token\">(clt_[^<]+)<", first);
		String again = admin.get("/console/accounts/" + id).body();

		assertThat(again).doesNotContain(token).doesNotContain("token-value").contains("laptop");
		assertThat(api("/api/v1/me", token).statusCode()).isEqualTo(200);
		long tokenId = jdbc.sql("SELECT t.id FROM account_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.username = :name")
			.param("name", name).query(Long.class).single();
		assertThat(entries("token.create", "token:" + tokenId)).isEqualTo(1);

		assertThat(admin.post("/console/accounts/" + id + "/tokens/" + tokenId + "/revoke", form(admin)).statusCode()).isEqualTo(302);
		assertThat(api("/api/v1/me", token).statusCode()).isEqualTo(401);
		assertThat(entries("token.revoke", "token:" + tokenId)).isEqualTo(1);
		assertThat(admin.get("/console/accounts/" + id).body()).contains("The token is revoked").contains("id=\"no-tokens\"");
	}

	@Test
	void anOrganizerAndAViewerAreRefusedTheAccountsAndAuditPages() throws Exception {
		for (String role : new String[] { "ORGANIZER", "VIEWER" }) {
			ConsoleClient someone = signedIn(account(role));
			assertThat(someone.get("/console/accounts").statusCode()).as(role).isEqualTo(403);
			assertThat(someone.get("/console/accounts/new").statusCode()).as(role).isEqualTo(403);
			assertThat(someone.get("/console/audit").statusCode()).as(role).isEqualTo(403);
			assertThat(someone.get("/console/audit/export").statusCode()).as(role).isEqualTo(403);
			someone.get("/console");
			String name = "sneaky-" + UUID.randomUUID().toString().substring(0, 8);
			assertThat(someone.post("/console/accounts/new", form(someone, "username", name, "email", name + "@example.org", "password", PASSWORD,
					"confirmation", PASSWORD, "role", "ADMIN")).statusCode()).as(role).isEqualTo(403);
			assertThat(count("SELECT COUNT(*) FROM accounts WHERE username = '" + name + "'")).isZero();
		}
	}

	@Test
	void aStaleFormIsShownAgainWithTheNoteAndChangesNothing() throws Exception {
		String name = "stale-" + UUID.randomUUID().toString().substring(0, 8);
		admin.get("/console/accounts/new");

		HttpResponse<String> again = admin.post("/console/accounts/new", Map.of("username", name, "email", name + "@example.org",
				"password", PASSWORD, "confirmation", PASSWORD, "role", "ORGANIZER", "_csrf", "a-token-from-yesterday"));

		assertThat(again.body()).contains("The page had expired. Nothing was changed").contains("value=\"" + name + "\"")
			.doesNotContain(PASSWORD);
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE username = '" + name + "'")).isZero();

		String other = account("VIEWER");
		long id = id(other);
		HttpResponse<String> role = admin.post("/console/accounts/" + id + "/role", Map.of("role", "ADMIN", "_csrf", "a-token-from-yesterday"));
		HttpResponse<String> token = admin.post("/console/accounts/" + id + "/tokens", Map.of("name", "kept name", "_csrf", "a-token-from-yesterday"));

		assertThat(role.body()).contains("The page had expired");
		assertThat(token.body()).contains("The page had expired").contains("value=\"kept name\"");
		assertThat(jdbc.sql("SELECT role FROM accounts WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("VIEWER");
		assertThat(count("SELECT COUNT(*) FROM account_tokens WHERE account_id = " + id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE target = 'account:" + other + "' AND channel = 'console'")).isZero();
	}

	@Test
	void everyoneSignedInSeesTheirOwnTokensAndAnOrganizerMakesAndRevokesOne() throws Exception {
		String name = account("ORGANIZER");
		ConsoleClient organizer = signedIn(name);
		organizer.get("/console/me");

		assertThat(organizer.post("/console/me/tokens", form(organizer, "name", "script")).statusCode()).isEqualTo(302);
		String token = find("id=\"token-value\" class=\"token\">(clt_[^<]+)<", organizer.get("/console/me").body());
		long tokenId = jdbc.sql("SELECT t.id FROM account_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.username = :name")
			.param("name", name).query(Long.class).single();
		assertThat(organizer.get("/console/me").body()).doesNotContain(token);
		assertThat(organizer.post("/console/me/tokens/" + tokenId + "/revoke", form(organizer)).statusCode()).isEqualTo(302);

		assertThat(entries("token.create", "token:" + tokenId)).isEqualTo(1);
		assertThat(entries("token.revoke", "token:" + tokenId)).isEqualTo(1);
		assertThat(api("/api/v1/me", token).statusCode()).isEqualTo(401);
		// Another's token is not theirs to revoke.
		String other = account("VIEWER");
		admin.get("/console/accounts/" + id(other));
		admin.post("/console/accounts/" + id(other) + "/tokens", form(admin, "name", "theirs"));
		long theirs = jdbc.sql("SELECT t.id FROM account_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.username = :name")
			.param("name", other).query(Long.class).single();
		organizer.get("/console/me");
		assertThat(organizer.post("/console/me/tokens/" + theirs + "/revoke", form(organizer)).statusCode()).isEqualTo(404);
		assertThat(count("SELECT COUNT(*) FROM account_tokens WHERE revoked_at IS NULL AND id = " + theirs)).isEqualTo(1);

		// A viewer manages its own tokens, as with /api/v1/me/tokens.
		ConsoleClient viewer = signedIn(other);
		HttpResponse<String> viewerPage = viewer.get("/console/me");
		assertThat(viewerPage.statusCode()).isEqualTo(200);
		assertThat(viewerPage.body()).contains("theirs").contains("id=\"make-token\"").contains("id=\"revoke-");
		assertThat(viewer.post("/console/me/tokens/" + theirs + "/revoke", form(viewer)).statusCode()).isEqualTo(302);
		assertThat(count("SELECT COUNT(*) FROM account_tokens WHERE revoked_at IS NULL AND id = " + theirs)).isZero();
	}

	private ConsoleClient signedIn(String name) throws Exception {
		ConsoleClient client = new ConsoleClient(base());
		assertThat(client.signIn(name, PASSWORD).statusCode()).isEqualTo(302);
		return client;
	}

	/** The fields, with the CSRF field of the client's last page. */
	private static Map<String, String> form(ConsoleClient client, String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		fields.put("_csrf", client.csrf);
		return fields;
	}

	private long entries(String action, String target) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :action AND target = :target AND channel = 'console'")
			.param("action", action).param("target", target).query(Long.class).single();
	}

	private long id(String name) {
		return jdbc.sql("SELECT id FROM accounts WHERE username = :name").param("name", name).query(Long.class).single();
	}

	private HttpResponse<String> api(String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String account(String role) throws Exception {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = postJson("/api/v1/accounts",
				json.writeValueAsString(Map.of("username", name, "email", name + "@example.org", "password", PASSWORD, "role", role)),
				Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

}
