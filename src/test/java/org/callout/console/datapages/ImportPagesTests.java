package org.callout.console.datapages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

/** The console's CSV import over HTTP: dry run, the real run and its one audit entry, refused files, stale forms, roles. */
@H2Database
class ImportPagesTests extends DataPagesSupport {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	private HttpResponse<String> dryRun(ConsoleClient client, byte[] csv, String csrf) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("list", "supporters");
		fields.put("update", "fill-blanks");
		return upload(client, base(), "/console/subscribers/import", fields, "people.csv", csv);
	}

	private static byte[] csv(String... emails) {
		StringBuilder text = new StringBuilder("email,first_name\n");
		for (String email : emails) {
			text.append(email).append(",Ana\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aDryRunShowsEachRowThenImportingItLeavesOneConsoleEntryAndShowsItsProgress() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		String first = unique("import-a");
		String second = unique("import-b");
		organizer.get("/console/subscribers/import");

		HttpResponse<String> preview = dryRun(organizer, csv(first, second, "not-an-address"), organizer.csrf);

		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		assertThat(preview.body()).contains(first).contains(second).contains("not-an-address").contains("refused")
			.contains("id=\"count-new\">2<").contains("id=\"count-refused\">1<").contains("Import these rows");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email = '" + first + "'")).isZero();
		assertThat(audit(organizer)).isEmpty();
		Matcher token = TOKEN.matcher(preview.body());
		assertThat(token.find()).isTrue();

		HttpResponse<String> ran = organizer.post("/console/subscribers/import/run",
				Map.of("token", token.group(1), "list", "supporters", "update", "fill-blanks", "_csrf", organizer.csrf));

		assertThat(ran.statusCode()).as(ran.body()).isEqualTo(302);
		assertThat(location(ran)).matches("/console/subscribers/import/\\d+");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email = '" + first + "'")).isEqualTo(1);
		assertThat(audit(organizer)).extracting(Audit::action, Audit::channel, Audit::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("subscribers.import", "console", "ok"));
		assertThat(audit(organizer).getFirst().target()).isEqualTo("import:" + location(ran).substring(location(ran).lastIndexOf('/') + 1));
		String progress = organizer.get(location(ran)).body();
		assertThat(progress).contains("Done: 3 of 3 rows").contains("id=\"count-new\">2<");

		HttpResponse<String> again = organizer.post("/console/subscribers/import/run",
				Map.of("token", token.group(1), "list", "supporters", "update", "fill-blanks", "_csrf", organizer.csrf));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("no longer here");
		assertThat(audit(organizer)).hasSize(1);
	}

	@Test
	void brokenUtf8IsAMessageNamingItsLineAndByteNotAnError() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		organizer.get("/console/subscribers/import");
		byte[] broken = "email\nok@example.org\nbad\u00ff@example.org\n".getBytes(StandardCharsets.ISO_8859_1);

		HttpResponse<String> refused = dryRun(organizer, broken, organizer.csrf);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"file-error\"").contains("not valid UTF-8").contains("line 3, byte");
	}

	@Test
	void aFileThatIsNotCsvOrHasNoEmailColumnIsAMessageAtTheFileField() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		organizer.get("/console/subscribers/import");

		HttpResponse<String> binary = dryRun(organizer, new byte[] { 'P', 'K', 3, 4, 0, 0, 0 }, organizer.csrf);
		HttpResponse<String> noEmail = dryRun(organizer, "name\nAna\n".getBytes(StandardCharsets.UTF_8), organizer.csrf);
		HttpResponse<String> noFile = upload(organizer, base(), "/console/subscribers/import",
				Map.of("_csrf", organizer.csrf, "list", "supporters", "update", "none"), "", new byte[0]);

		assertThat(binary.statusCode()).isEqualTo(200);
		assertThat(binary.body()).contains("id=\"file-error\"").contains("not CSV text");
		assertThat(noEmail.body()).contains("id=\"file-error\"").contains("no \u201Cemail\u201D column");
		assertThat(noFile.body()).contains("id=\"file-error\"").contains("Choose the CSV file");
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void aStaleUploadShowsTheFormAgainWithTheNoteAndImportsNothing() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		String email = unique("stale-import");
		organizer.get("/console/subscribers/import");

		HttpResponse<String> stale = dryRun(organizer, csv(email), "not-the-token");

		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("The page had expired").contains("value=\"fill-blanks\" checked");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email = '" + email + "'")).isZero();
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void aStaleImportButtonShowsItAgainWithTheNoteAndImportsNothing() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		String email = unique("stale-run");
		organizer.get("/console/subscribers/import");
		HttpResponse<String> preview = dryRun(organizer, csv(email), organizer.csrf);
		Matcher token = TOKEN.matcher(preview.body());
		assertThat(token.find()).isTrue();

		HttpResponse<String> stale = organizer.post("/console/subscribers/import/run",
				Map.of("token", token.group(1), "list", "supporters", "update", "none", "_csrf", "not-the-token"));

		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("The page had expired").contains("Import these rows").contains(token.group(1));
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email = '" + email + "'")).isZero();
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void aViewerSeesNoUploadFormAndIsRefusedIfItPostsAnyway() throws Exception {
		ConsoleClient viewer = signedIn("VIEWER");
		String email = unique("viewer-import");

		String page = viewer.get("/console/subscribers/import").body();
		HttpResponse<String> posted = dryRun(viewer, csv(email), viewer.csrf);

		assertThat(page).contains("Only organizers can import").doesNotContain("type=\"file\"");
		assertThat(posted.statusCode()).isEqualTo(403);
	}

}
