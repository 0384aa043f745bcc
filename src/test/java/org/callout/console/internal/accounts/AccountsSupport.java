package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.callout.signup.SignupFlowSupport;
import tools.jackson.databind.JsonNode;

/** A running Callout whose organizer API the tests call with the admin token and with personal tokens. */
abstract class AccountsSupport extends SignupFlowSupport {

	static final String PASSWORD = "correct horse battery staple";

	HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String name(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new account with this role, made with the admin token; answers its JSON. */
	JsonNode account(String username, String role) throws Exception {
		HttpResponse<String> created = call("POST", "/api/v1/accounts", ADMIN,
				Map.of("username", username, "email", username + "@example.org", "password", PASSWORD, "role", role));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body());
	}

	/** A personal token for the account, made by the admin. */
	String token(JsonNode account) throws Exception {
		HttpResponse<String> made = call("POST", "/api/v1/accounts/" + account.get("id").asLong() + "/tokens", ADMIN, Map.of("name", "laptop"));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		return json.readTree(made.body()).get("token").asString();
	}

	/** A token for a new account with this role. */
	String tokenFor(String role) throws Exception {
		return token(account(name(role.toLowerCase()), role));
	}

}
