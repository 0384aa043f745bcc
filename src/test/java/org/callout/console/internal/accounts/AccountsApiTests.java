package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Admins make accounts and tokens through {@code /api/v1/accounts}; everyone manages their own at {@code /api/v1/me}. */
@H2Database
class AccountsApiTests extends AccountsSupport {

	@Test
	void anAccountsPasswordIsStoredAsAnArgon2HashAndNeverAnswered() throws Exception {
		String username = name("ana");

		JsonNode created = account(username, "ORGANIZER");

		assertThat(created.get("username").asString()).isEqualTo(username);
		assertThat(created.get("role").asString()).isEqualTo("ORGANIZER");
		assertThat(created.toString()).doesNotContain(PASSWORD).doesNotContain("password");
		String hash = jdbc.sql("SELECT password_hash FROM accounts WHERE username = :u").param("u", username).query(String.class).single();
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
	}

	@Test
	void aShortPasswordOrOneThatIsTheNameOrEmailIsRefusedAtItsField() throws Exception {
		String username = name("ben");
		for (String password : new String[] { "short pass", username, username + "@example.org", "" }) {
			HttpResponse<String> refused = call("POST", "/api/v1/accounts", ADMIN,
					Map.of("username", username, "email", username + "@example.org", "password", password, "role", "VIEWER"));

			assertThat(refused.statusCode()).as(password).isEqualTo(400);
			assertThat(json.readTree(refused.body()).get("errors").get(0).get("field").asString()).isEqualTo("password");
		}
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE username = '" + username + "'")).isZero();
	}

	@Test
	void everyBadFieldIsReportedAtOnce() throws Exception {
		HttpResponse<String> refused = call("POST", "/api/v1/accounts", ADMIN,
				Map.of("username", "<b>x</b>", "email", "not an address", "password", "short", "role", "KING"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("username", "email", "role", "password");
	}

	@Test
	void aNameTheRecordsGiveAnotherMeaningIsRefused() throws Exception {
		for (String reserved : new String[] { "organizer", "Admin-Token", "system", "anonymous" }) {
			HttpResponse<String> refused = call("POST", "/api/v1/accounts", ADMIN,
					Map.of("username", reserved, "email", name("r") + "@example.org", "password", PASSWORD, "role", "ADMIN"));

			assertThat(refused.statusCode()).as(reserved).isEqualTo(400);
			assertThat(json.readTree(refused.body()).get("errors").get(0).get("field").asString()).isEqualTo("username");
		}
	}

	@Test
	void aNameTakenInAnyCaseIsAConflict() throws Exception {
		String username = name("cara");
		account(username, "VIEWER");

		HttpResponse<String> again = call("POST", "/api/v1/accounts", ADMIN,
				Map.of("username", username.toUpperCase(), "email", "other-" + username + "@example.org", "password", PASSWORD, "role", "VIEWER"));

		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json.readTree(again.body()).get("title").asString()).isEqualTo("Account exists");
	}

	@Test
	void aPersonalTokenIsShownOnceListedWithoutItAndNamesItsAccount() throws Exception {
		JsonNode account = account(name("dev"), "ORGANIZER");
		String token = token(account);

		HttpResponse<String> me = call("GET", "/api/v1/me", token, null);
		HttpResponse<String> listed = call("GET", "/api/v1/me/tokens", token, null);

		assertThat(token).startsWith("clt_").hasSizeGreaterThan(40);
		assertThat(json.readTree(me.body()).get("username").asString()).isEqualTo(account.get("username").asString());
		assertThat(listed.body()).doesNotContain(token).contains("laptop");
		assertThat(json.readTree(listed.body()).get(0).get("lastUsedAt").isNull()).isFalse();
		assertThat(count("SELECT COUNT(*) FROM account_tokens WHERE token_hash = '" + token + "'")).isZero();
	}

	@Test
	void aRevokedTokenIsRefusedWithTheNextRequest() throws Exception {
		String token = tokenFor("ORGANIZER");
		long id = json.readTree(call("GET", "/api/v1/me/tokens", token, null).body()).get(0).get("id").asLong();
		assertThat(call("GET", "/api/v1/lists", token, null).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = call("DELETE", "/api/v1/me/tokens/" + id, token, null);
		HttpResponse<String> after = call("GET", "/api/v1/lists", token, null);

		assertThat(revoked.statusCode()).isEqualTo(204);
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void aDisabledAccountsTokensStopWorking() throws Exception {
		JsonNode account = account(name("eve"), "ORGANIZER");
		String token = token(account);

		HttpResponse<String> disabled = call("PUT", "/api/v1/accounts/" + account.get("id").asLong(), ADMIN, Map.of("disabled", true));

		assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
		assertThat(call("GET", "/api/v1/lists", token, null).statusCode()).isEqualTo(401);
	}

	@Test
	void theOnlyActiveAdminCannotBeDemotedOrDisabled() throws Exception {
		jdbc.sql("UPDATE accounts SET role = 'ORGANIZER' WHERE role = 'ADMIN'").update();
		JsonNode admin = account(name("root"), "ADMIN");

		HttpResponse<String> demoted = call("PUT", "/api/v1/accounts/" + admin.get("id").asLong(), ADMIN, Map.of("role", "VIEWER"));
		HttpResponse<String> disabled = call("PUT", "/api/v1/accounts/" + admin.get("id").asLong(), ADMIN, Map.of("disabled", true));

		assertThat(demoted.statusCode()).isEqualTo(409);
		assertThat(disabled.statusCode()).isEqualTo(409);
		assertThat(json.readTree(call("GET", "/api/v1/accounts/" + admin.get("id").asLong(), ADMIN, null).body()).get("role").asString())
			.isEqualTo("ADMIN");
	}

	@Test
	void aViewerReadsButAnyChangeIsA403ProblemAndChangesNothing() throws Exception {
		String viewer = tokenFor("VIEWER");
		String slug = name("viewer-list");

		HttpResponse<String> read = call("GET", "/api/v1/lists", viewer, null);
		HttpResponse<String> write = call("POST", "/api/v1/lists", viewer, Map.of("slug", slug, "name", "No", "isPublic", true));

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(write.statusCode()).isEqualTo(403);
		assertThat(json.readTree(write.body()).get("title").asString()).isEqualTo("Forbidden");
		assertThat(count("SELECT COUNT(*) FROM subscriber_lists WHERE slug = '" + slug + "'")).isZero();
	}

	@Test
	void onlyAnAdminSeesOrMakesAccounts() throws Exception {
		String organizer = tokenFor("ORGANIZER");

		assertThat(call("GET", "/api/v1/accounts", organizer, null).statusCode()).isEqualTo(403);
		assertThat(call("POST", "/api/v1/accounts", organizer, Map.of("username", name("x"))).statusCode()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/accounts", tokenFor("ADMIN"), null).statusCode()).isEqualTo(200);
	}

	@Test
	void theAdminTokenHasNoAccountOfItsOwn() throws Exception {
		HttpResponse<String> me = call("GET", "/api/v1/me", ADMIN, null);

		assertThat(me.statusCode()).isEqualTo(404);
		assertThat(json.readTree(me.body()).get("title").asString()).isEqualTo("No account");
	}

}
