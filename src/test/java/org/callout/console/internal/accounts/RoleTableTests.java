package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint and the least role it needs, as a table: the test fails when an endpoint appears without a row
 * (its rule must be decided, not inherited by accident), and checks each row against real requests with each role's
 * token: the roles below are refused with 403, the least role is let through (whatever the handler then answers).
 */
@H2Database
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleTableTests extends AccountsSupport {

	private static final Map<String, String> TABLE = new LinkedHashMap<>();

	static {
		// Public: what supporters' pages and forms call.
		row("PUBLIC", "GET /api/v1/terms", "POST /api/v1/signups");
		// Reading, previews included (they change nothing), and one's own tokens.
		row("VIEWER", "GET /api/v1/bills", "GET /api/v1/bills/{id}", "GET /api/v1/bills/{id}/history", "GET /api/v1/blasts",
				"GET /api/v1/blasts/handover", "GET /api/v1/blasts/{id}", "GET /api/v1/blasts/{id}/audience", "GET /api/v1/blasts/{id}/calls",
				"GET /api/v1/blasts/{id}/deliveries", "GET /api/v1/blasts/{id}/template", "GET /api/v1/consent-history",
				"GET /api/v1/districts", "GET /api/v1/districts/refreshes/{id}", "GET /api/v1/districts/summary", "GET /api/v1/kiosk-allowlist",
				"GET /api/v1/legislators", "GET /api/v1/legislators/{id}", "GET /api/v1/lists", "GET /api/v1/lists/{slug}",
				"GET /api/v1/subscribers", "GET /api/v1/subscribers/exports/{id}", "GET /api/v1/subscribers/imports/{id}",
				"GET /api/v1/subscribers/{id}", "GET /api/v1/subscribers/{id}/consent-history", "GET /api/v1/subscribers/{id}/districts",
				"GET /api/v1/suppressions", "GET /api/v1/templates", "GET /api/v1/templates/{name}", "GET /api/v1/templates/{name}/versions",
				"GET /api/v1/templates/{name}/versions/{version}", "GET /api/v1/triggers", "GET /api/v1/triggers/{id}",
				"POST /api/v1/blasts/{id}/preview", "POST /api/v1/templates/{name}/preview",
				"GET /api/v1/me", "GET /api/v1/me/tokens", "POST /api/v1/me/tokens", "DELETE /api/v1/me/tokens/{tokenId}");
		// Changes: bills, templates, triggers, lists, subscribers, districts, blasts (approval included), test sends; and
		// the reads that copy personal data out (the export, an access request).
		row("ORGANIZER", "GET /api/v1/subscribers/access", "GET /api/v1/subscribers/export", "DELETE /api/v1/kiosk-allowlist", "DELETE /api/v1/subscribers/{id}/districts", "DELETE /api/v1/suppressions",
				"DELETE /api/v1/templates/{name}", "DELETE /api/v1/triggers/{id}", "POST /api/v1/bills", "POST /api/v1/bills/{id}/status",
				"POST /api/v1/blasts", "POST /api/v1/blasts/{id}/approve", "POST /api/v1/blasts/{id}/cancel", "POST /api/v1/blasts/{id}/pause",
				"POST /api/v1/blasts/{id}/reschedule", "POST /api/v1/blasts/{id}/resume", "POST /api/v1/blasts/{id}/submit",
				"POST /api/v1/districts/organizer-imports", "POST /api/v1/districts/refreshes", "POST /api/v1/districts/zip-table/imports",
				"POST /api/v1/kiosk-allowlist", "POST /api/v1/legislators/imports", "POST /api/v1/lists", "POST /api/v1/mail/test",
				"POST /api/v1/subscribers/{id}/unsubscribe", "POST /api/v1/subscribers/imports",
				"POST /api/v1/subscribers/imports/{id}/confirmations", "POST /api/v1/suppressions", "POST /api/v1/templates/{name}/test-send",
				"POST /api/v1/triggers", "PUT /api/v1/bills/{id}", "PUT /api/v1/lists/{slug}", "PUT /api/v1/subscribers/{id}",
				"PUT /api/v1/subscribers/{id}/districts", "PUT /api/v1/templates/{name}", "PUT /api/v1/triggers/{id}");
		// Accounts, the audit log and erasures are admins'.
		row("ADMIN", "POST /api/v1/subscribers/erasures", "GET /api/v1/accounts", "POST /api/v1/accounts", "GET /api/v1/accounts/{id}", "PUT /api/v1/accounts/{id}",
				"GET /api/v1/accounts/{id}/tokens", "POST /api/v1/accounts/{id}/tokens", "DELETE /api/v1/accounts/{id}/tokens/{tokenId}",
				"GET /api/v1/audit", "GET /api/v1/audit/export");
	}

	private static void row(String role, String... endpoints) {
		for (String endpoint : endpoints) {
			TABLE.put(endpoint, role);
		}
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final Map<String, String> tokens = new LinkedHashMap<>();

	@BeforeAll
	void tokens() throws Exception {
		for (String role : new String[] { "VIEWER", "ORGANIZER", "ADMIN" }) {
			tokens.put(role, tokenFor(role));
		}
	}

	@Test
	void everyApiEndpointHasARowInTheTable() {
		Set<String> endpoints = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
			.filter(pattern -> pattern.startsWith("/api/"))
			.forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method.name() + " " + pattern))));

		assertThat(TABLE.keySet()).as("endpoints without a row, or rows without an endpoint").containsExactlyInAnyOrderElementsOf(endpoints);
	}

	@Test
	void eachEndpointRefusesTheRolesBelowItsRowAndLetsItsRoleThrough() throws Exception {
		for (var row : TABLE.entrySet()) {
			String method = row.getKey().substring(0, row.getKey().indexOf(' '));
			String path = row.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", "999999");
			if (row.getValue().equals("PUBLIC")) {
				assertThat(call(method, path, "", null).statusCode()).as(row.getKey() + " without a token").isNotIn(401, 403);
				continue;
			}
			assertThat(call(method, path, "", null).statusCode()).as(row.getKey() + " without a token").isEqualTo(401);
			for (var role : tokens.entrySet()) {
				HttpResponse<String> answer = call(method, path, role.getValue(), method.equals("GET") ? null : Map.of());
				if (ranks(role.getKey()) < ranks(row.getValue())) {
					assertThat(answer.statusCode()).as(row.getKey() + " as " + role.getKey()).isEqualTo(403);
				}
				else {
					assertThat(answer.statusCode()).as(row.getKey() + " as " + role.getKey() + ": " + answer.body()).isNotIn(401, 403);
				}
			}
		}
	}

	private static int ranks(String role) {
		return java.util.List.of("VIEWER", "ORGANIZER", "ADMIN").indexOf(role);
	}

}
