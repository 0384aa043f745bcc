package org.callout.subscribers.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.callout.platform.EmailAddress;
import org.callout.subscribers.NewSubscriber;
import org.callout.subscribers.Subscribers;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The subscribers console pages over real HTTP: search, details, roles, audit entries, stale forms, erasure, export. */
@H2Database
class SubscriberConsoleTests extends SubscriberConsoleSupport {

	@Autowired
	Subscribers subscribers;

	@Test
	void aSearchFindsAddressesByTheirStartAPageAfterTheLastId() throws Exception {
		String prefix = "find-" + UUID.randomUUID().toString().substring(0, 8);
		long first = subscriber(prefix + "-a@example.org", "Ana", "One");
		long second = subscriber(prefix + "-b@example.org", "Ana", "Two");
		Signed viewer = signedIn("VIEWER");

		HttpResponse<String> all = viewer.client().get("/console/subscribers?q=" + prefix.toUpperCase());
		HttpResponse<String> after = viewer.client().get("/console/subscribers?q=" + prefix + "&after=" + first);
		HttpResponse<String> empty = viewer.client().get("/console/subscribers");

		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("/console/subscribers/" + first + "\"").contains("/console/subscribers/" + second + "\"");
		assertThat(after.body()).doesNotContain("/console/subscribers/" + first + "\"").contains("/console/subscribers/" + second + "\"");
		assertThat(empty.body()).contains("id=\"q\"").doesNotContain("id=\"results\"");
	}

	@Test
	void moreMatchesThanAPageComeWithALinkToTheNextPageAfterTheLastIdShown() throws Exception {
		String prefix = "many-" + UUID.randomUUID().toString().substring(0, 8);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 21; i++) {
			// Straight through the service: twenty-one signups' confirmation emails would only slow the test down.
			ids.add(subscribers.findOrCreate(new NewSubscriber(new EmailAddress(prefix + "-" + i + "@example.org"), "Ana", "Many",
					"10004", null, "en")).id());
		}
		Signed viewer = signedIn("VIEWER");

		String first = viewer.client().get("/console/subscribers?q=" + prefix).body();
		String next = find("id=\"next\" href=\"([^\"]+)\"", first).replace("&amp;", "&");
		String second = viewer.client().get(next).body();

		assertThat(first.split("id=\"subscriber-", -1)).hasSize(21);
		assertThat(next).isEqualTo("/console/subscribers?q=" + prefix + "&after=" + ids.get(19));
		assertThat(second).contains("id=\"subscriber-" + ids.get(20) + "\"").doesNotContain("id=\"subscriber-" + ids.get(19) + "\"")
			.doesNotContain("id=\"next\"");
	}

	@Test
	void correctingAZipLeavesOneAuditEntryOnTheConsoleChannel() throws Exception {
		long id = subscriber(unique("correct"), "Ana", "Pérez");
		Signed organizer = signedIn("ORGANIZER");
		organizer.client().get("/console/subscribers/" + id);

		HttpResponse<String> answer = organizer.client().post("/console/subscribers/" + id, details(organizer.client().csrf, "12207", ""));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(location(answer)).isEqualTo("/console/subscribers/" + id + "?corrected");
		assertThat(zipOf(id)).isEqualTo("12207");
		assertThat(consoleEntries(organizer.name(), "subscriber.correct", "subscriber:" + id)).isOne();
		assertThat(allEntries(organizer.name())).isOne();
	}

	@Test
	void aBadZipShowsTheFormAgainWithWhatWasTypedAndChangesNothing() throws Exception {
		long id = subscriber(unique("badzip"), "Ana", "Pérez");
		Signed organizer = signedIn("ORGANIZER");
		organizer.client().get("/console/subscribers/" + id);

		HttpResponse<String> answer = organizer.client().post("/console/subscribers/" + id,
				details(organizer.client().csrf, "1000x", "12 Elm Street"));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("value=\"1000x\"").contains("value=\"12 Elm Street\"")
			.contains("id=\"zip-error\"").contains("Give a 5-digit ZIP code");
		assertThat(zipOf(id)).isEqualTo("10004");
		assertThat(allEntries(organizer.name())).isZero();
		assertThat(refusals(organizer.name())).isOne();
	}

	@Test
	void aNameWithHtmlIsShownAsText() throws Exception {
		long id = subscriber(unique("html"), "<b>Bold</b>", "<script>alert(1)</script>");
		Signed viewer = signedIn("VIEWER");

		String page = viewer.client().get("/console/subscribers/" + id).body();

		assertThat(page).contains("&lt;b&gt;Bold&lt;/b&gt;").doesNotContain("<b>Bold</b>").doesNotContain("<script>alert(1)");
	}

	@Test
	void aViewerSeesNoChangingButtonAndIsRefusedWhenPostingAnyway() throws Exception {
		long id = subscriber(unique("viewer"), "Ana", "Pérez");
		Signed viewer = signedIn("VIEWER");

		String page = viewer.client().get("/console/subscribers/" + id).body();
		String districts = viewer.client().get("/console/subscribers/" + id + "/districts").body();
		String search = viewer.client().get("/console/subscribers?q=viewer").body();
		HttpResponse<String> posted = viewer.client().post("/console/subscribers/" + id, details(viewer.client().csrf, "12207", ""));
		HttpResponse<String> export = viewer.client().post("/console/subscribers/export.csv", Map.of("_csrf", viewer.client().csrf));

		assertThat(page).contains("Consent history").doesNotContain("id=\"correct\"").doesNotContain("id=\"erase\"");
		assertThat(districts).contains("Districts of").doesNotContain("id=\"set-districts\"");
		assertThat(search).doesNotContain("id=\"export\"");
		assertThat(posted.statusCode()).isEqualTo(403);
		assertThat(posted.body()).contains("Your role does not allow this");
		assertThat(export.statusCode()).isEqualTo(403);
		assertThat(zipOf(id)).isEqualTo("10004");
		assertThat(entries(viewer.name(), "refused", "POST /console/subscribers/" + id)).isOne();
		assertThat(entries(viewer.name(), "refused", "POST /console/subscribers/export.csv")).isOne();
	}

	@Test
	void aStaleFormShowsTheFormAgainWithTheNoteAndChangesNothing() throws Exception {
		long id = subscriber(unique("stale"), "Ana", "Pérez");
		Signed organizer = signedIn("ORGANIZER");
		organizer.client().get("/console/subscribers/" + id);

		HttpResponse<String> answer = organizer.client().post("/console/subscribers/" + id, details("stale-token", "12207", "9 Oak Lane"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("The page had expired. Nothing was changed").contains("value=\"12207\"")
			.contains("value=\"9 Oak Lane\"");
		assertThat(zipOf(id)).isEqualTo("10004");
		assertThat(allEntries(organizer.name())).isZero();
	}

	@Test
	void anOrganizerCannotEraseAndTheRefusalIsAudited() throws Exception {
		String address = unique("keep");
		long id = subscriber(address, "Ana", "Pérez");
		Signed organizer = signedIn("ORGANIZER");
		organizer.client().get("/console/subscribers/" + id);

		HttpResponse<String> page = organizer.client().get("/console/subscribers/" + id + "/erase");
		HttpResponse<String> posted = organizer.client().post("/console/subscribers/" + id + "/erase",
				Map.of("email", address, "_csrf", organizer.client().csrf));

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(posted.statusCode()).isEqualTo(403);
		assertThat(posted.body()).contains("Your role does not allow this");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE id = " + id)).isOne();
		assertThat(entries(organizer.name(), "refused", "POST /console/subscribers/" + id + "/erase")).isOne();
		assertThat(entries(organizer.name(), "subscriber.erase", "erasure")).isZero();
	}

	@Test
	void anAdminErasesAPersonOnlyAfterTypingTheirAddressAgain() throws Exception {
		String address = unique("erase");
		long id = subscriber(address, "Ana", "Pérez");
		Signed admin = signedIn("ADMIN");
		assertThat(admin.client().get("/console/subscribers/" + id).body()).contains("id=\"erase\"");
		assertThat(admin.client().get("/console/subscribers/" + id + "/erase").statusCode()).isEqualTo(200);

		HttpResponse<String> wrong = admin.client().post("/console/subscribers/" + id + "/erase",
				Map.of("email", "someone-else@example.org", "_csrf", admin.client().csrf));
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("value=\"someone-else@example.org\"").contains("id=\"email-error\"");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE id = " + id)).isOne();

		HttpResponse<String> erased = admin.client().post("/console/subscribers/" + id + "/erase",
				Map.of("email", address.toUpperCase(), "_csrf", admin.client().csrf));

		assertThat(erased.statusCode()).isEqualTo(302);
		assertThat(location(erased)).isEqualTo("/console/subscribers?erased");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE id = " + id)).isZero();
		assertThat(consoleEntries(admin.name(), "subscriber.erase", "erasure")).isOne();
		assertThat(allEntries(admin.name())).isOne();
		assertThat(refusals(admin.name())).as("the wrong address typed first").isOne();
		assertThat(admin.client().get("/console/subscribers?erased").body()).contains("The person was erased");
	}

	@Test
	void settingDistrictsByHandLeavesOneAuditEntryAndABadDistrictKeepsWhatWasTyped() throws Exception {
		long id = subscriber(unique("districts"), "Ana", "Pérez");
		Signed organizer = signedIn("ORGANIZER");
		organizer.client().get("/console/subscribers/" + id + "/districts");

		HttpResponse<String> bad = organizer.client().post("/console/subscribers/" + id + "/districts",
				Map.of("senateDistrict", "99", "assemblyDistrict", "65", "_csrf", organizer.client().csrf));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("value=\"99\"").contains("value=\"65\"").contains("Give a Senate district from 1 to 63.");
		assertThat(allEntries(organizer.name())).isZero();
		assertThat(refusals(organizer.name())).isOne();

		HttpResponse<String> set = organizer.client().post("/console/subscribers/" + id + "/districts",
				Map.of("senateDistrict", "26", "assemblyDistrict", "65", "_csrf", organizer.client().csrf));

		assertThat(set.statusCode()).isEqualTo(302);
		String page = organizer.client().get(location(set)).body();
		assertThat(page).contains("Set by hand by an organizer").contains(">26<").contains(">65<");
		assertThat(consoleEntries(organizer.name(), "districts.set", "subscriber:" + id)).isOne();
		assertThat(allEntries(organizer.name())).isOne();
	}

	@Test
	void goingBackToTheLookupLeavesOneAuditEntryAndAStaleDistrictsFormChangesNothing() throws Exception {
		long id = subscriber(unique("clear"), "Ana", "Pérez");
		Signed organizer = signedIn("ORGANIZER");
		organizer.client().get("/console/subscribers/" + id + "/districts");
		organizer.client().post("/console/subscribers/" + id + "/districts",
				Map.of("senateDistrict", "26", "_csrf", organizer.client().csrf));
		assertThat(organizer.client().get("/console/subscribers/" + id + "/districts").body()).contains("id=\"clear-districts\"");

		HttpResponse<String> stale = organizer.client().post("/console/subscribers/" + id + "/districts",
				Map.of("senateDistrict", "27", "assemblyDistrict", "66", "_csrf", "stale-token"));
		HttpResponse<String> staleClear = organizer.client().post("/console/subscribers/" + id + "/districts/clear",
				Map.of("_csrf", "stale-token"));

		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("The page had expired. Nothing was changed").contains("value=\"27\"").contains("value=\"66\"");
		assertThat(staleClear.body()).contains("The page had expired. Nothing was changed");
		assertThat(count("SELECT COUNT(*) FROM organizer_districts WHERE subscriber_id = " + id)).isOne();
		assertThat(allEntries(organizer.name())).isOne();

		HttpResponse<String> cleared = organizer.client().post("/console/subscribers/" + id + "/districts/clear",
				Map.of("_csrf", organizer.client().csrf));

		assertThat(cleared.statusCode()).isEqualTo(302);
		assertThat(count("SELECT COUNT(*) FROM organizer_districts WHERE subscriber_id = " + id)).isZero();
		assertThat(consoleEntries(organizer.name(), "districts.clear", "subscriber:" + id)).isOne();
		assertThat(allEntries(organizer.name())).isEqualTo(2);
	}

	@Test
	void aStaleErasureFormErasesNobody() throws Exception {
		String address = unique("stale-erase");
		long id = subscriber(address, "Ana", "Pérez");
		Signed admin = signedIn("ADMIN");
		admin.client().get("/console/subscribers/" + id + "/erase");

		HttpResponse<String> answer = admin.client().post("/console/subscribers/" + id + "/erase",
				Map.of("email", address, "_csrf", "stale-token"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("The page had expired. Nothing was changed").contains("value=\"" + address + "\"");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE id = " + id)).isOne();
		assertThat(allEntries(admin.name())).isZero();
	}

	@Test
	void anOrganizerDownloadsTheExportOfOneListAndStatusWithOneAuditEntry() throws Exception {
		String address = unique("export");
		subscriber(address, "Ana", "Pérez");
		Signed organizer = signedIn("ORGANIZER");
		assertThat(organizer.client().get("/console/subscribers/export").body()).contains("id=\"download\"");

		HttpResponse<String> csv = organizer.client().post("/console/subscribers/export.csv",
				Map.of("list", "supporters", "status", "UNCONFIRMED", "_csrf", organizer.client().csrf));

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
		assertThat(csv.body()).startsWith("email,first_name,last_name").contains(address);
		String exportId = csv.headers().firstValue("Callout-Export-Id").orElseThrow();
		assertThat(consoleEntries(organizer.name(), "subscribers.export", "export:" + exportId)).isOne();
		assertThat(allEntries(organizer.name())).isOne();
	}

	@Test
	void anExportIsNeverALinkAnotherSiteCouldFollow() throws Exception {
		Signed organizer = signedIn("ORGANIZER");
		organizer.client().get("/console/subscribers/export");

		HttpResponse<String> link = organizer.client().get("/console/subscribers/export.csv?list=supporters");
		HttpResponse<String> forged = organizer.client().post("/console/subscribers/export.csv", Map.of("list", "supporters", "_csrf", "forged"));

		assertThat(link.statusCode()).isIn(404, 405);
		assertThat(forged.statusCode()).isEqualTo(200);
		assertThat(forged.body()).contains("The page had expired").doesNotContain("email,first_name");
		assertThat(allEntries(organizer.name())).isZero();
	}

	@Test
	void anExportOfAStatusWithoutAListShowsTheChoiceAgain() throws Exception {
		Signed organizer = signedIn("ORGANIZER");

		organizer.client().get("/console/subscribers/export");
		HttpResponse<String> answer = organizer.client().post("/console/subscribers/export.csv",
				Map.of("list", "", "status", "CONFIRMED", "_csrf", organizer.client().csrf));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("choose the list too");
		assertThat(allEntries(organizer.name())).isZero();
	}

}
