package org.callout.subscribers.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.callout.subscribers.SubscriberLists;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/** Organizers download subscribers as CSV from {@code /api/v1/subscribers/export}. */
@H2Database
class SubscriberExportApiTests extends SubscriberExportSupport {

	@Autowired
	SubscriberLists lists;

	@Test
	void aConfirmedSupporterIsExportedWithListsConsentAndDistricts() throws Exception {
		String address = unique("Export.Ana");
		signUpAndConfirm(address, "Ana", "es");

		// Districts are looked up after the confirmation, on their own thread.
		CSVRecord row = Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> rowOf(address, rows(export(""))).orElseThrow(), r -> !r.get("district_source").isEmpty());

		assertThat(row.get("first_name")).isEqualTo("Ana");
		assertThat(row.get("zip")).isEqualTo("12207");
		assertThat(row.get("language")).isEqualTo("es");
		assertThat(row.get("lists")).isEqualTo("supporters");
		assertThat(row.get("memberships")).isEqualTo("supporters=CONFIRMED");
		assertThat(row.get("suppressed")).isEqualTo("false");
		assertThat(row.get("consent_terms_version")).isEqualTo(terms("es").get("versionId").asString());
		assertThat(row.get("consent_source")).isEqualTo("api");
		assertThat(row.get("consented_at")).isNotEmpty();
		assertThat(row.get("confirmed_at")).isNotEmpty();
		assertThat(row.get("withdrawn_at")).isEmpty();
		assertThat(row.get("district_source")).isEqualTo("zip");
		assertThat(row.get("district_confidence")).isEqualTo("exact");
		assertThat(row.get("senate_district")).isEqualTo("46");
		assertThat(row.get("assembly_district")).isEqualTo("109");
	}

	@Test
	void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
		String address = unique("formula");
		String formula = "=HYPERLINK(\"https://evil.example\",\"click\")";
		signUpAndConfirm(address, formula, "en");

		CSVRecord row = rowOf(address, rows(export(""))).orElseThrow();

		assertThat(row.get("first_name")).isEqualTo("'" + formula);
	}

	@Test
	void aListFilterExportsItsMembersOnlyAndAStatusFilterOnlyThoseInIt() throws Exception {
		String slug = "export-" + UUID.randomUUID().toString().substring(0, 8);
		lists.create(slug, "Export test", null, true);
		String confirmed = unique("on-list-confirmed");
		String pending = unique("on-list-pending");
		String elsewhere = unique("elsewhere");
		signUpAndConfirmOn(confirmed, slug);
		assertThat(postJson("/api/v1/signups", signupJson(pending, "en", slug), java.util.Map.of()).statusCode()).isEqualTo(202);
		signUpAndConfirm(elsewhere, "Ana", "en");

		List<CSVRecord> members = rows(export("?list=" + slug));
		List<CSVRecord> confirmedOnly = rows(export("?list=" + slug + "&status=confirmed"));

		assertThat(members).extracting(r -> r.get("email")).containsExactlyInAnyOrder(confirmed, pending);
		assertThat(confirmedOnly).extracting(r -> r.get("email")).containsExactly(confirmed);
		assertThat(rowOf(pending, members).orElseThrow().get("memberships")).isEqualTo(slug + "=UNCONFIRMED");
	}

	@Test
	void theDownloadNamesItselfKeepsOutOfCachesAndSaysItsIdAndRows() throws Exception {
		HttpResponse<String> export = export("");

		assertThat(export.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"callout-subscribers-\\d{4}-\\d\\d-\\d\\d\\.csv\"");
		assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
		long rows = Long.parseLong(export.headers().firstValue("Callout-Export-Rows").orElseThrow());
		assertThat(rows(export)).hasSize((int) rows);
	}

	@Test
	void theProgressOfAnExportSaysDoneWithEveryRowWritten() throws Exception {
		signUpAndConfirm(unique("progress"), "Ana", "en");
		HttpResponse<String> export = export("");
		String id = export.headers().firstValue("Callout-Export-Id").orElseThrow();

		JsonNode progress = json.readTree(admin("/api/v1/subscribers/exports/" + id).body());

		assertThat(progress.get("status").asString()).isEqualTo("DONE");
		assertThat(progress.get("written").asLong()).isEqualTo(rows(export).size()).isEqualTo(progress.get("total").asLong());
		assertThat(progress.get("percent").asInt()).isEqualTo(100);
	}

	@Test
	void anExportIsRecordedInTheAuditLogWithItsFilterAndRows() throws Exception {
		HttpResponse<String> export = export("?list=supporters&status=CONFIRMED");
		String id = export.headers().firstValue("Callout-Export-Id").orElseThrow();

		String after = jdbc.sql("SELECT after_state FROM audit_log WHERE action = 'subscribers.export' AND target = :target")
			.param("target", "export:" + id).query(String.class).single();

		assertThat(json.readTree(after).get("rows").asLong()).isEqualTo(rows(export).size());
		assertThat(json.readTree(after).get("list").asString()).isEqualTo("supporters");
	}

	@Test
	void anUnknownListStatusOrExportIsAProblemDetail() throws Exception {
		HttpResponse<String> unknownList = export("?list=no-such-list");
		HttpResponse<String> badStatus = export("?list=supporters&status=maybe");
		HttpResponse<String> statusAlone = export("?status=CONFIRMED");
		HttpResponse<String> unknownExport = admin("/api/v1/subscribers/exports/" + UUID.randomUUID());

		assertProblem(unknownList, 404, "No such list");
		assertProblem(badStatus, 400, "Invalid filter");
		assertProblem(statusAlone, 400, "Invalid filter");
		assertProblem(unknownExport, 404, "No such export");
	}

	@Test
	void theExportNeedsTheOrganizerToken() throws Exception {
		HttpResponse<String> anonymous = withoutToken("/api/v1/subscribers/export");

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("@example.org");
	}

	private void signUpAndConfirmOn(String address, String slug) throws Exception {
		assertThat(postJson("/api/v1/signups", signupJson(address, "en", slug), java.util.Map.of()).statusCode()).isEqualTo(202);
		assertThat(pressButton(link(awaitEmailTo(address), "confirm")).statusCode()).isEqualTo(200);
	}

	private void assertProblem(HttpResponse<String> response, int status, String title) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo(title);
	}

}
