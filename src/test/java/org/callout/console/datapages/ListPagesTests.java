package org.callout.console.datapages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

/** The console's lists and kiosk allow-list over HTTP: audit entries, roles, kept values, typed HTML, stale forms. */
@H2Database
class ListPagesTests extends DataPagesSupport {

	@Test
	void creatingAndEditingAListLeavesOneConsoleEntryEachWithTheApiActionCodes() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		String slug = slug("walkers");
		organizer.get("/console/lists/new");

		HttpResponse<String> created = organizer.post("/console/lists",
				Map.of("slug", slug, "name", "Walkers", "description", "", "isPublic", "true", "_csrf", organizer.csrf));
		organizer.get("/console/lists/" + slug + "/edit");
		HttpResponse<String> edited = organizer.post("/console/lists/" + slug + "/edit",
				Map.of("name", "Walkers of Albany", "description", "Saturday walks", "_csrf", organizer.csrf));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
		assertThat(audit(organizer)).extracting(Audit::action, Audit::target, Audit::channel, Audit::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("list.create", "list:" + slug, "console", "ok"),
					org.assertj.core.groups.Tuple.tuple("list.edit", "list:" + slug, "console", "ok"));
		assertThat(jdbc.sql("SELECT is_public FROM subscriber_lists WHERE slug = :slug").param("slug", slug).query(Boolean.class).single())
			.isFalse();
		assertThat(organizer.get("/console/lists").body()).contains("Walkers of Albany");
	}

	@Test
	void aListNameWithHtmlIsShownAsText() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		String slug = slug("html");
		organizer.get("/console/lists/new");

		organizer.post("/console/lists", Map.of("slug", slug, "name", "<b>Bold</b> & <script>alert(1)</script>", "_csrf", organizer.csrf));

		String page = organizer.get("/console/lists").body();
		assertThat(page).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<b>Bold</b>");
	}

	@Test
	void aRefusedListKeepsWhatWasTypedAndShowsTheErrorAtItsFieldWithoutAnEntry() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		organizer.get("/console/lists/new");

		HttpResponse<String> refused = organizer.post("/console/lists",
				Map.of("slug", "Not A Slug", "name", "Kept name", "description", "Kept words", "_csrf", organizer.csrf));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"slug-error\"").contains("value=\"Not A Slug\"").contains("value=\"Kept name\"")
			.contains("Kept words</textarea>").contains("aria-invalid=\"true\"").doesNotContain("id=\"name-error\"");
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void aTakenSlugIsAnErrorAtTheSlug() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		String slug = slug("taken");
		organizer.get("/console/lists/new");
		organizer.post("/console/lists", Map.of("slug", slug, "name", "First", "_csrf", organizer.csrf));
		organizer.get("/console/lists/new");

		HttpResponse<String> again = organizer.post("/console/lists", Map.of("slug", slug, "name", "Second", "_csrf", organizer.csrf));

		assertThat(again.body()).contains("id=\"slug-error\"").contains("exists already").contains("value=\"Second\"");
		assertThat(audit(organizer)).hasSize(1);
	}

	@Test
	void aStaleFormShowsTheFormAgainWithTheNoteAndChangesNothing() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		String slug = slug("stale");
		organizer.get("/console/lists/new");

		HttpResponse<String> stale = organizer.post("/console/lists",
				Map.of("slug", slug, "name", "Typed before lunch", "_csrf", "not-the-token"));
		HttpResponse<String> staleKiosk = organizer.post("/console/lists/kiosk",
				Map.of("cidr", "198.51.100.0/24", "label", "Hall " + slug, "_csrf", "not-the-token"));

		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("The page had expired").contains("value=\"Typed before lunch\"");
		assertThat(staleKiosk.body()).contains("The page had expired").contains("value=\"198.51.100.0/24\"");
		assertThat(count("SELECT COUNT(*) FROM subscriber_lists WHERE slug = '" + slug + "'")).isZero();
		// By its label: other tests in this shared database may allow the same range.
		assertThat(count("SELECT COUNT(*) FROM kiosk_allowlist WHERE label = 'Hall " + slug + "'")).isZero();
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void addingAndRemovingAKioskEntryLeavesOneEntryEach() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		organizer.get("/console/lists/kiosk");

		HttpResponse<String> added = organizer.post("/console/lists/kiosk",
				Map.of("cidr", "203.0.113.0/25", "label", "<i>Library</i>", "_csrf", organizer.csrf));
		String page = organizer.get(location(added)).body();
		HttpResponse<String> removed = organizer.post("/console/lists/kiosk/remove", Map.of("cidr", "203.0.113.0/25", "_csrf", organizer.csrf));

		assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
		assertThat(page).contains("203.0.113.0/25").contains("&lt;i&gt;Library&lt;/i&gt;");
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(302);
		assertThat(audit(organizer)).extracting(Audit::action, Audit::target, Audit::channel)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("kiosk.add", "kiosk:203.0.113.0/25", "console"),
					org.assertj.core.groups.Tuple.tuple("kiosk.remove", "kiosk:203.0.113.0/25", "console"));
	}

	@Test
	void aTooWideKioskRangeIsAnErrorAtItsFieldAndKeepsTheLabel() throws Exception {
		ConsoleClient organizer = signedIn("ORGANIZER");
		organizer.get("/console/lists/kiosk");

		HttpResponse<String> refused = organizer.post("/console/lists/kiosk",
				Map.of("cidr", "10.0.0.0/8", "label", "Whole city", "_csrf", organizer.csrf));

		assertThat(refused.body()).contains("id=\"cidr-error\"").contains("at most a /16").contains("value=\"Whole city\"");
		assertThat(audit(organizer)).isEmpty();
	}

	@Test
	void aViewerSeesNoChangingButtonsAndIsRefusedIfItPostsAnyway() throws Exception {
		ConsoleClient viewer = signedIn("VIEWER");

		String lists = viewer.get("/console/lists").body();
		String kiosk = viewer.get("/console/lists/kiosk").body();
		HttpResponse<String> posted = viewer.post("/console/lists",
				Map.of("slug", slug("viewer"), "name", "Sneaky", "_csrf", viewer.csrf));
		HttpResponse<String> kioskPosted = viewer.post("/console/lists/kiosk", Map.of("cidr", "192.0.2.0/24", "_csrf", viewer.csrf));

		assertThat(lists).contains("Lists").doesNotContain("id=\"new-list\"").doesNotContain("id=\"edit-");
		assertThat(kiosk).doesNotContain("id=\"add\"").doesNotContain("id=\"remove-");
		assertThat(posted.statusCode()).isEqualTo(403);
		assertThat(kioskPosted.statusCode()).isEqualTo(403);
		assertThat(count("SELECT COUNT(*) FROM kiosk_allowlist WHERE cidr = '192.0.2.0/24'")).isZero();
		assertThat(audit(viewer)).extracting(Audit::action).doesNotContain("list.create", "kiosk.add");
	}

}
