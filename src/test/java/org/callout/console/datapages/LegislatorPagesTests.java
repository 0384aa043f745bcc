package org.callout.console.datapages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.callout.support.SharedData;
import org.junit.jupiter.api.Test;

/** The console's legislator directory and its import over HTTP: search errors, the dry run's report, apply, audit, roles. */
@H2Database
class LegislatorPagesTests extends DataPagesSupport {

	@Test
	void theDirectoryFiltersByChamberAndDistrictAndShowsNamesAndPhones() throws Exception {
		ConsoleClient viewer = signedIn("VIEWER");

		String page = viewer.get("/console/legislators?chamber=upper&district=1").body();

		assertThat(page).contains("Tony Palumbo").contains("518-455-3121").contains("Current legislators found: 1")
			.doesNotContain("Mario Mattera").doesNotContain("id=\"import\"");
	}

	@Test
	void aDistrictThatIsNoneShowsTheErrorAtItsFieldAndKeepsWhatWasTyped() throws Exception {
		ConsoleClient viewer = signedIn("VIEWER");

		String page = viewer.get("/console/legislators?chamber=upper&district=64&q=Pal").body();

		assertThat(page).contains("id=\"district-error\"").contains("value=\"64\"").contains("value=\"Pal\"")
			.contains("Current legislators found: 0");
	}

	@Test
	void aDryRunShowsWhatWouldChangeAndApplyingItLeavesOneEntryEachLikeTheApi() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		// One person exactly as the directory has them: a partial import that changes nothing, so other tests see the same directory.
		List<String> lines = Files.readAllLines(SharedData.file("ny-legislators.csv"), StandardCharsets.UTF_8);
		Path csv = Files.createTempFile("console-legislators-", ".csv");
		Files.write(csv, List.of(lines.get(0), lines.get(1), "upper,1,,Republican,,,,"), StandardCharsets.UTF_8);
		organizer.get("/console/legislators/import");

		HttpResponse<String> dry = organizer.post("/console/legislators/import",
				Map.of("source", csv.toString(), "format", "csv", "mode", "partial", "_csrf", organizer.csrf));
		HttpResponse<String> applied = organizer.post("/console/legislators/import/apply",
				Map.of("source", csv.toString(), "format", "csv", "mode", "partial", "_csrf", organizer.csrf));

		assertThat(dry.statusCode()).isEqualTo(200);
		assertThat(dry.body()).contains("What the import would do").contains("id=\"unchanged\">1<").contains("id=\"added\">0<")
			.contains("id=\"record-errors\"").contains("Apply this import");
		assertThat(applied.body()).contains("The import is applied").doesNotContain("id=\"apply\"");
		assertThat(audit(organizer)).extracting(Audit::action, Audit::channel, Audit::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("legislators.import", "console", "ok"),
					org.assertj.core.groups.Tuple.tuple("legislators.import", "console", "ok"));
		assertThat(audit(organizer).get(0).after()).contains("\"dryRun\":true");
		assertThat(audit(organizer).get(1).after()).contains("\"dryRun\":false");
	}

	@Test
	void aDryRunNamesWhoWouldBeAddedAndChangedAndWhichFieldsWithoutChangingTheDirectory() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		List<String> lines = Files.readAllLines(SharedData.file("ny-legislators.csv"), StandardCharsets.UTF_8);
		Path csv = Files.createTempFile("console-legislators-", ".csv");
		Files.write(csv, List.of(lines.get(0), lines.get(1).replace("518-455-3121", "518-555-0199"),
				"lower,150,<b>Nobody</b> Newcomer,Independent,,,,ocd-person/00000000-0000-0000-0000-000000000151"), StandardCharsets.UTF_8);
		organizer.get("/console/legislators/import");

		HttpResponse<String> dry = organizer.post("/console/legislators/import",
				Map.of("source", csv.toString(), "format", "csv", "mode", "partial", "_csrf", organizer.csrf));

		assertThat(dry.body()).contains("id=\"changes\"").contains("Tony Palumbo").contains("phones")
			.contains("id=\"changed\">1<").contains("id=\"added\">1<").contains("&lt;b&gt;Nobody&lt;/b&gt; Newcomer");
		assertThat(organizer.get("/console/legislators?chamber=upper&district=1").body()).contains("518-455-3121")
			.doesNotContain("518-555-0199");
		HttpResponse<String> api = postJson("/api/v1/legislators/imports",
				"{\"source\":\"" + csv + "\",\"format\":\"csv\",\"mode\":\"partial\",\"dryRun\":true}",
				Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
		assertThat(json.readTree(api.body()).has("changes")).as("the API answers counts, as before").isFalse();
		assertThat(json.readTree(api.body()).get("changed").asInt()).isEqualTo(1);
	}

	@Test
	void aRefusedSourceIsAMessageAtItsFieldAndChangesNothing() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		organizer.get("/console/legislators/import");

		HttpResponse<String> refused = organizer.post("/console/legislators/import",
				Map.of("source", "/etc/passwd", "format", "csv", "mode", "full", "_csrf", organizer.csrf));
		HttpResponse<String> blank = organizer.post("/console/legislators/import",
				Map.of("source", " ", "format", "xml", "mode", "full", "_csrf", organizer.csrf));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"source-error\"").contains("cannot be imported").contains("value=\"/etc/passwd\"")
			.doesNotContain("root:");
		assertThat(blank.body()).contains("id=\"source-error\"").contains("Choose YAML or CSV");
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void aStaleImportFormShowsItAgainWithTheNoteAndImportsNothing() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		organizer.get("/console/legislators/import");

		HttpResponse<String> stale = organizer.post("/console/legislators/import/apply",
				Map.of("source", SharedData.file("ny-legislators.csv").toString(), "format", "csv", "mode", "full", "_csrf", "old"));

		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("The page had expired").contains("ny-legislators.csv").doesNotContain("id=\"report\"");
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void aViewerSeesNoImportFormAndIsRefusedIfItPostsAnyway() throws Exception {
		ConsoleClient viewer = signedIn("VIEWER");

		String page = viewer.get("/console/legislators/import").body();
		HttpResponse<String> posted = viewer.post("/console/legislators/import/apply",
				Map.of("source", SharedData.file("ny-legislators.csv").toString(), "format", "csv", "mode", "full", "_csrf", viewer.csrf));

		assertThat(page).doesNotContain("id=\"dry-run\"").doesNotContain("name=\"source\"");
		assertThat(posted.statusCode()).isEqualTo(403);
		assertThat(audit(viewer)).extracting(Audit::action).doesNotContain("legislators.import");
	}

}
