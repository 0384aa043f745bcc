package org.callout.console.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every console page and form with the least role it needs, as a table, like the API's {@code RoleTableTests}: a new
 * console endpoint without a row fails the test, and each row is checked with a signed-in session of each role
 * (the roles below are refused with 403, the least role is let through whatever the handler then answers) and with
 * none (sent to sign in).
 */
@H2Database
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRoleTableTests extends SignupFlowSupport {

	private static final Map<String, String> TABLE = new LinkedHashMap<>();

	// Signing out would end the session the other rows use; it has tests of its own (ConsoleSignInTests).
	private static final Set<String> NOT_REPLAYED = Set.of("POST /console/logout");

	static {
		row("PUBLIC", "GET /console/login", "POST /console/login", "GET /console/setup", "POST /console/setup");
		// Reading, and one's own tokens.
		row("VIEWER", "GET /console", "GET /console/bills", "GET /console/bills/{id}", "GET /console/blasts", "GET /console/blasts/{id}",
				"GET /console/blasts/{id}/progress", "GET /console/legislators", "GET /console/legislators/import", "GET /console/lists",
				"GET /console/lists/kiosk", "GET /console/lists/new", "GET /console/lists/{slug}/edit", "GET /console/outbox",
				"GET /console/outbox/message", "GET /console/subscribers", "GET /console/subscribers/import",
				"GET /console/subscribers/import/{id:\\d+}", "GET /console/subscribers/{id}", "GET /console/subscribers/{id}/districts",
				"GET /console/templates", "GET /console/templates/{name}", "GET /console/templates/{name}/versions", "GET /console/triggers",
				"GET /console/triggers/new", "GET /console/triggers/{id}", "GET /console/me", "POST /console/me/tokens",
				"POST /console/me/tokens/{tokenId}/revoke");
		// Changes, and the export (it copies personal data out).
		row("ORGANIZER", "GET /console/subscribers/export", "POST /console/subscribers/export.csv", "POST /console/bills",
				"POST /console/bills/{id}/status", "POST /console/blasts/{id}/{action}", "POST /console/legislators/import",
				"POST /console/legislators/import/apply", "POST /console/lists", "POST /console/lists/kiosk", "POST /console/lists/kiosk/remove",
				"POST /console/lists/{slug}/edit", "POST /console/subscribers/import", "POST /console/subscribers/import/run",
				"POST /console/subscribers/{id}", "POST /console/subscribers/{id}/districts", "POST /console/subscribers/{id}/districts/clear",
				"POST /console/templates/{name}", "POST /console/templates/{name}/preview", "POST /console/templates/{name}/test-send",
				"POST /console/triggers", "POST /console/triggers/{id}");
		// Accounts, the audit log and erasing a person.
		row("ADMIN", "GET /console/accounts", "GET /console/accounts/new", "GET /console/accounts/{id}", "GET /console/audit",
				"GET /console/audit/export", "POST /console/accounts/new", "POST /console/accounts/{id}/disabled", "POST /console/accounts/{id}/role",
				"POST /console/accounts/{id}/tokens", "POST /console/accounts/{id}/tokens/{tokenId}/revoke", "GET /console/subscribers/{id}/erase",
				"POST /console/subscribers/{id}/erase");
	}

	private static void row(String role, String... endpoints) {
		for (String endpoint : endpoints) {
			TABLE.put(endpoint, role);
		}
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final Map<String, ConsoleClient> sessions = new LinkedHashMap<>();

	@BeforeAll
	void signIn() throws Exception {
		for (String role : List.of("VIEWER", "ORGANIZER", "ADMIN")) {
			String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/accounts"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + ADMIN)
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
						Map.of("username", name, "email", name + "@example.org", "password", "correct horse battery staple", "role", role))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			ConsoleClient session = new ConsoleClient(base());
			assertThat(session.signIn(name, "correct horse battery staple").statusCode()).isEqualTo(302);
			session.get("/console");
			sessions.put(role, session);
		}
	}

	@Test
	void everyConsoleEndpointHasARowInTheTable() {
		Set<String> endpoints = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
			.filter(pattern -> pattern.equals("/console") || pattern.startsWith("/console/"))
			.forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method.name() + " " + pattern))));
		endpoints.addAll(NOT_REPLAYED);

		assertThat(TABLE.keySet()).as("endpoints without a row, or rows without an endpoint")
			.containsExactlyInAnyOrderElementsOf(endpoints.stream().filter(e -> !NOT_REPLAYED.contains(e)).toList());
	}

	@Test
	void eachEndpointRefusesTheRolesBelowItsRowAndLetsItsRoleThrough() throws Exception {
		for (var row : TABLE.entrySet()) {
			String method = row.getKey().substring(0, row.getKey().indexOf(' '));
			String path = row.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", "999999");
			if (row.getValue().equals("PUBLIC")) {
				continue;
			}
			ConsoleClient nobody = new ConsoleClient(base());
			nobody.get("/console/login");
			HttpResponse<String> signedOut = send(nobody, method, path);
			assertThat(signedOut.statusCode()).as(row.getKey() + " signed out").isEqualTo(302);
			assertThat(signedOut.headers().firstValue("Location").orElse("")).as(row.getKey() + " signed out").contains("/console/login");
			for (var session : sessions.entrySet()) {
				HttpResponse<String> answer = send(session.getValue(), method, path);
				if (ranks(session.getKey()) < ranks(row.getValue())) {
					assertThat(answer.statusCode()).as(row.getKey() + " as " + session.getKey()).isEqualTo(403);
				}
				else {
					assertThat(answer.statusCode()).as(row.getKey() + " as " + session.getKey()).isNotEqualTo(403);
					assertThat(answer.headers().firstValue("Location").orElse("")).as(row.getKey() + " as " + session.getKey())
						.doesNotContain("/console/login");
				}
			}
		}
	}

	private static HttpResponse<String> send(ConsoleClient client, String method, String path) throws Exception {
		return method.equals("GET") ? client.get(path) : client.post(path, Map.of("_csrf", client.csrf));
	}

	private static int ranks(String role) {
		return List.of("VIEWER", "ORGANIZER", "ADMIN").indexOf(role);
	}

}
