package org.callout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.callout.platform.AuditLog;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log through the organizer API, as an organizer reads it: filtered, exported, and refusals in it. */
@H2Database
class AuditApiTests extends SignupFlowSupport {

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode entries(String query) throws Exception {
		HttpResponse<String> answer = admin("/api/v1/audit?" + query);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body()).get("entries");
	}

	/** A moment no earlier test's entries share: the test clock stands still until a test moves it. */
	private Instant fresh() {
		clock.advance(Duration.ofSeconds(1));
		return clock.instant().truncatedTo(ChronoUnit.MICROS); // As the databases keep it.
	}

	private static String at(Instant instant) {
		return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
	}

	private String createList() throws Exception {
		String slug = "audit-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = send("POST", "/api/v1/lists",
				json.writeValueAsString(Map.of("slug", slug, "name", "Audit " + slug, "isPublic", false)), ADMIN);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return slug;
	}

	@Test
	void theLogFiltersByActorActionAndTime() throws Exception {
		Instant start = fresh();
		String early = createList();
		clock.advance(Duration.ofHours(1));
		Instant later = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String late = createList();

		assertThat(entries("actor=admin-token&action=list.create&from=" + at(start))).extracting(e -> e.get("target").asString())
			.containsExactly("list:" + late, "list:" + early);
		assertThat(entries("actor=admin-token&action=list&from=" + at(later))).extracting(e -> e.get("target").asString())
			.containsExactly("list:" + late);
		assertThat(entries("actor=admin-token&action=list.create&from=" + at(start) + "&to=" + at(later)))
			.extracting(e -> e.get("target").asString())
			.containsExactly("list:" + early);
		assertThat(entries("actor=anonymous&from=" + at(start))).extracting(e -> e.get("target").asString())
			.doesNotContain("list:" + early, "list:" + late);
	}

	@Test
	void pagesAreKeysetByIdAndSayWhereTheNextStarts() throws Exception {
		Instant start = fresh();
		String first = createList();
		String second = createList();
		String third = createList();

		JsonNode page = json.readTree(admin("/api/v1/audit?action=list.create&limit=2&from=" + at(start)).body());
		JsonNode rest = entries("action=list.create&limit=2&from=" + at(start) + "&after=" + page.get("next").asLong());

		assertThat(page.get("entries")).extracting(e -> e.get("target").asString()).containsExactly("list:" + third, "list:" + second);
		assertThat(rest).extracting(e -> e.get("target").asString()).containsExactly("list:" + first);
	}

	@Test
	void aBadDateIsAProblemDetailNamingTheField() throws Exception {
		HttpResponse<String> answer = admin("/api/v1/audit?from=yesterday");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(answer.body()).get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

	@Test
	void theLogIsForOrganizersOnly() throws Exception {
		assertThat(send("GET", "/api/v1/audit", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/audit/export", null, "not-the-token").statusCode()).isEqualTo(401);
	}

	@Test
	void theExportWritesFormulaLookingCellsAsText() throws Exception {
		String action = "test.formula" + UUID.randomUUID().toString().substring(0, 6);
		audit.record(action, "=HYPERLINK(\"https://evil.example\")", null, Map.of("n", 1));
		audit.refused(action, "+1+1", "@SUM(A1)");

		HttpResponse<String> export = admin("/api/v1/audit/export?action=" + action);

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(export.body()))
			.getRecords();
		assertThat(rows).extracting(row -> row.get("target")).containsExactly("'+1+1", "'=HYPERLINK(\"https://evil.example\")");
		assertThat(rows.getFirst().get("detail")).isEqualTo("'@SUM(A1)");
		assertThat(rows.getLast().get("after")).isEqualTo("{\"n\":1}");
	}

	@Test
	void anEntryRecordedInATransactionThatRollsBackIsGone() throws Exception {
		String action = "test.rollback" + UUID.randomUUID().toString().substring(0, 6);

		transactions.executeWithoutResult(status -> {
			audit.record(action, "blast:1", null, null);
			status.setRollbackOnly();
		});
		audit.record(action, "blast:2", null, null);

		assertThat(entries("action=" + action)).extracting(e -> e.get("target").asString()).containsExactly("blast:2");
	}

	@Test
	void aRequestWithAWrongTokenIsRecordedOnceWithItsMethodAndPath() throws Exception {
		clock.advance(Duration.ofMinutes(2)); // Past any earlier refusal's minute.
		Instant start = fresh();

		assertThat(send("POST", "/api/v1/lists", "{}", "wrong-token-0123456789").statusCode()).isEqualTo(401);

		JsonNode refused = entries("actor=anonymous&action=refused&from=" + at(start));
		assertThat(refused).hasSize(1);
		assertThat(refused.get(0).get("target").asString()).isEqualTo("POST /api/v1/lists");
		assertThat(refused.get(0).get("outcome").asString()).isEqualTo("refused");
		assertThat(refused.get(0).get("channel").asString()).isEqualTo("api");
		assertThat(refused.get(0).get("clientIp").asString()).isEqualTo("127.0.0.1");
		assertThat(refused.get(0).get("detail").asString()).isEqualTo("401 wrong token");
	}

	@Test
	void aRequestWithNoTokenIsRecordedAsRefused() throws Exception {
		clock.advance(Duration.ofMinutes(2));
		Instant start = fresh();

		assertThat(send("DELETE", "/api/v1/kiosk-allowlist?cidr=203.0.113.7", null, null).statusCode()).isEqualTo(401);

		assertThat(entries("actor=anonymous&action=refused&from=" + at(start))).extracting(e -> e.get("detail").asString())
			.containsExactly("401 no token");
	}

	@Test
	void aFloodOfAHundredBadTokensLeavesOneEntryAMinute() throws Exception {
		clock.advance(Duration.ofMinutes(2));
		Instant start = fresh();

		for (int i = 0; i < 100; i++) {
			assertThat(send("POST", "/api/v1/blasts/" + i + "/approve", null, "guess-" + i).statusCode()).isEqualTo(401);
		}
		assertThat(entries("actor=anonymous&action=refused&from=" + at(start))).hasSize(1);

		clock.advance(Duration.ofSeconds(61));
		assertThat(send("POST", "/api/v1/blasts/1/approve", null, "guess-again").statusCode()).isEqualTo(401);
		assertThat(entries("actor=anonymous&action=refused&from=" + at(start))).hasSize(2);
	}

	@Test
	void aViewerWhoTriesToApproveIsRefusedAndTheRefusalNamesThem() throws Exception {
		String viewer = "aud-viewer-" + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> account = send("POST", "/api/v1/accounts", json.writeValueAsString(Map.of("username", viewer,
				"email", viewer + "@example.org", "password", "correct horse battery staple", "role", "VIEWER")), ADMIN);
		assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
		HttpResponse<String> made = send("POST", "/api/v1/accounts/" + json.readTree(account.body()).get("id").asLong() + "/tokens",
				"{\"name\":\"laptop\"}", ADMIN);
		String token = json.readTree(made.body()).get("token").asString();
		Instant start = fresh();

		assertThat(send("POST", "/api/v1/blasts/1/approve", null, token).statusCode()).isEqualTo(403);

		JsonNode refused = entries("actor=" + viewer + "&action=refused&from=" + at(start));
		assertThat(refused).extracting(e -> e.get("target").asString()).containsExactly("POST /api/v1/blasts/1/approve");
		assertThat(refused.get(0).get("detail").asString()).startsWith("403 ");
	}

	@Test
	void aWriteTheServiceRefusesIsRecordedWithTheProblemTitle() throws Exception {
		Instant start = fresh();

		HttpResponse<String> refused = send("POST", "/api/v1/lists", "{\"slug\":\"Not A Slug\"}", ADMIN);

		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode entries = entries("actor=admin-token&action=refused&from=" + at(start));
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("target").asString()).isEqualTo("POST /api/v1/lists");
		assertThat(entries.get(0).get("detail").asString()).isEqualTo("400 Invalid list");
	}

}
