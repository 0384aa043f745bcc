package org.callout.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callout.platform.AuditLog;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The audit log's console page over real HTTP: its filters, keyset pages and CSV, as the API answers them. */
@H2Database
class AuditPagesTests extends SignupFlowSupport {

	@Autowired
	AuditLog audit;

	ConsoleClient admin;

	String action;

	@BeforeEach
	void signedInAdminAndEntries() throws Exception {
		String name = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = postJson("/api/v1/accounts", json.writeValueAsString(Map.of("username", name, "email",
				name + "@example.org", "password", ConsoleBrowserSupport.PASSWORD, "role", "ADMIN")), Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).isEqualTo(201);
		admin = new ConsoleClient(base());
		assertThat(admin.signIn(name, ConsoleBrowserSupport.PASSWORD).statusCode()).isEqualTo(302);
		action = "pagetest" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
		for (int i = 1; i <= 55; i++) {
			audit.record(action + ".step", "thing:" + i, Map.of("n", i));
		}
	}

	@Test
	void theLogShowsFiftyEntriesNewestFirstAndTheOlderOnesByTheKeysetLink() throws Exception {
		HttpResponse<String> first = admin.get("/console/audit?action=" + action);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(targets(first.body())).hasSize(50).startsWith("thing:55", "thing:54").endsWith("thing:6");
		String older = find("id=\"older\" href=\"([^\"]+)\"", first.body()).replace("&amp;", "&");
		assertThat(older).contains("after=");
		HttpResponse<String> second = admin.get(older);
		assertThat(targets(second.body())).containsExactly("thing:5", "thing:4", "thing:3", "thing:2", "thing:1");
		assertThat(second.body()).doesNotContain("id=\"older\"");
	}

	@Test
	void theFiltersNarrowTheEntriesAndStayInTheForm() throws Exception {
		HttpResponse<String> bySystem = admin.get("/console/audit?actor=system&action=" + action + ".step");
		HttpResponse<String> bySomeoneElse = admin.get("/console/audit?actor=nobody-at-all&action=" + action);
		HttpResponse<String> later = admin.get("/console/audit?action=" + action + "&from=2999-01-01T00%3A00");
		HttpResponse<String> before = admin.get("/console/audit?action=" + action + "&to=2999-01-01T00%3A00");

		assertThat(targets(bySystem.body())).hasSize(50);
		assertThat(bySystem.body()).contains("value=\"system\"").contains("value=\"" + action + ".step\"");
		assertThat(bySomeoneElse.body()).contains("id=\"no-entries\"");
		assertThat(later.body()).contains("id=\"no-entries\"").contains("value=\"2999-01-01T00:00\"");
		assertThat(targets(before.body())).hasSize(50);
	}

	@Test
	void aWrongDateIsShownAtItsField() throws Exception {
		HttpResponse<String> refused = admin.get("/console/audit?from=yesterday");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"from-error\"").contains("value=\"yesterday\"").doesNotContain("id=\"entries\"");
	}

	@Test
	void theCsvLinkAnswersWhatTheApiExportAnswers() throws Exception {
		String page = admin.get("/console/audit?action=" + action).body();
		String link = find("id=\"export\" href=\"([^\"]+)\"", page).replace("&amp;", "&");

		HttpResponse<String> csv = admin.get(link);

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).isEqualTo(admin("/api/v1/audit/export?action=" + action).body());
		assertThat(csv.body().lines()).hasSize(56);
	}

	private static java.util.List<String> targets(String html) {
		Matcher matcher = Pattern.compile("<td>(thing:\\d+)</td>").matcher(html);
		java.util.List<String> found = new java.util.ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
