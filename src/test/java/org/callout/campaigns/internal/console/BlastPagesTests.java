package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.callout.platform.AddressHasher;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/** The blast pages over real HTTP: each button's one audit entry, a viewer's refusal, refused moves, stale forms. */
@H2Database
class BlastPagesTests extends SignupFlowSupport {

	@Autowired
	AddressHasher hasher;

	BlastFixtures fixtures;

	ConsoleClient browser;

	String organizer;

	@BeforeEach
	void signedInOrganizer() throws Exception {
		fixtures = new BlastFixtures(base(), ADMIN, jdbc, hasher, clock);
		organizer = account("ORGANIZER");
		browser = signedIn(organizer);
	}

	@Test
	void eachButtonLeavesExactlyOneAuditEntryWithTheApisActionFromTheConsole() throws Exception {
		String slug = fixtures.list(2);
		Map<String, Long> blasts = Map.of("approve", fixtures.blast(slug, null, true), "cancel", fixtures.blast(slug, null, true),
				"reschedule", fixtures.blast(slug, null, true), "submit", fixtures.draft(slug));
		// The service's clock, not the machine's: other tests in this context move it.
		String later = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("America/New_York")).plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();

		for (Map.Entry<String, Long> each : blasts.entrySet()) {
			String action = each.getKey();
			long blast = each.getValue();
			int before = fixtures.audit(blast).size();
			assertThat(browser.get("/console/blasts/" + blast).body()).contains("id=\"button-" + action + "\"");

			HttpResponse<String> answer = browser.post("/console/blasts/" + blast + "/" + action,
					Map.of("_csrf", browser.csrf, "startAt", later));

			assertThat(answer.statusCode()).as(action + ": " + answer.body()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).as(action).hasValueSatisfying(
					to -> assertThat(to).endsWith("/console/blasts/" + blast + "?done=" + action));
			assertThat(fixtures.audit(blast).subList(before, fixtures.audit(blast).size())).as(action)
				.containsExactly(List.of("blast." + action, "console", organizer));
		}
		assertThat(fixtures.state(blasts.get("cancel"))).isEqualTo("CANCELLED");
		assertThat(fixtures.state(blasts.get("reschedule"))).isEqualTo("AWAITING_APPROVAL");
		assertThat(fixtures.blast(blasts.get("reschedule")).get("startAt").asString()).isNotBlank();
		assertThat(browser.get("/console/blasts/" + blasts.get("approve") + "?done=approve").body()).contains("Approved.");
	}

	@Test
	void anApprovedBlastShowsItsAudienceFirstAndItsCountsOnceSentAlsoAsJson() throws Exception {
		long blast = fixtures.blast(fixtures.list(3), null, true);
		String before = browser.get("/console/blasts/" + blast).body();
		assertThat(before).contains("If it started now, it would go to 3 people.").contains("Awaiting approval")
			.contains("id=\"button-approve\"").contains("id=\"button-cancel\"").doesNotContain("id=\"button-pause\"")
			.doesNotContain("id=\"button-resume\"").doesNotContain("id=\"button-submit\"");

		browser.post("/console/blasts/" + blast + "/approve", Map.of("_csrf", browser.csrf));
		Awaitility.await("sent").atMost(Duration.ofSeconds(30)).until(() -> fixtures.state(blast).equals("SENT"));

		String after = browser.get("/console/blasts/" + blast).body();
		assertThat(after).contains("3 of 3 done (3 sent)").contains("<progress id=\"blast-progress\" max=\"3\" value=\"3\">")
			.doesNotContain("id=\"button-");
		JsonNode progress = json.readTree(progressJson(browser, blast));
		assertThat(progress.get("state").asString()).isEqualTo("SENT");
		assertThat(progress.get("final").asBoolean()).isTrue();
		assertThat(progress.get("sent").asLong()).isEqualTo(3);
		assertThat(progress.get("pending").asLong()).isZero();
		// A refusal as the engine records it (the relay on loopback refuses nobody); its reply is shown as text.
		jdbc.sql("""
				UPDATE deliveries SET status = 'FAILED', smtp_reply = '550 5.1.1 <nobody@example.org> no such user'
				WHERE id = (SELECT MIN(id) FROM deliveries WHERE blast_id = :blast)""").param("blast", blast).update();
		assertThat(browser.get("/console/blasts/" + blast).body()).contains("Deferred and failed messages")
			.contains("<code>550 5.1.1 &lt;nobody@example.org&gt; no such user</code>")
			.contains("<td class=\"number\" id=\"count-failed\">1</td>");
		assertThat(browser.get("/console/blasts?state=SENT").body()).contains("href=\"/console/blasts/" + blast + "\"");
		assertThat(browser.get("/console/blasts?state=DRAFT").body()).doesNotContain("href=\"/console/blasts/" + blast + "\"");
	}

	@Test
	void aViewerSeesNoButtonsAndIsRefusedWhenPostingAnywayWithNothingChanged() throws Exception {
		long blast = fixtures.blast(fixtures.list(1), null, true);
		ConsoleClient viewer = signedIn(account("VIEWER"));

		String page = viewer.get("/console/blasts/" + blast).body();
		assertThat(page).contains("Awaiting approval").doesNotContain("<button type=\"submit\" id=\"button-");
		int before = fixtures.audit(blast).size();
		HttpResponse<String> refused = viewer.post("/console/blasts/" + blast + "/approve", Map.of("_csrf", viewer.csrf));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(fixtures.state(blast)).isEqualTo("AWAITING_APPROVAL");
		assertThat(fixtures.audit(blast)).hasSize(before);
	}

	@Test
	void aButtonTheStateDoesNotAllowIsRefusedWithAMessageAndChangesNothing() throws Exception {
		long blast = fixtures.blast(fixtures.list(1), null, true);
		browser.get("/console/blasts/" + blast);
		int before = fixtures.audit(blast).size();

		HttpResponse<String> refused = browser.post("/console/blasts/" + blast + "/pause", Map.of("_csrf", browser.csrf));

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Nothing was changed: that is not possible while the blast is Awaiting approval.")
			.contains("role=\"alert\"");
		assertThat(fixtures.state(blast)).isEqualTo("AWAITING_APPROVAL");
		assertThat(fixtures.audit(blast)).hasSize(before);
	}

	@Test
	void aRescheduleWithoutATimeIsShownAtItsFieldAndChangesNothing() throws Exception {
		long blast = fixtures.blast(fixtures.list(1), null, true);
		browser.get("/console/blasts/" + blast);
		int before = fixtures.audit(blast).size();

		HttpResponse<String> refused = browser.post("/console/blasts/" + blast + "/reschedule",
				Map.of("_csrf", browser.csrf, "startAt", "2020-01-01T10:00"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"startAt-error\"").contains("value=\"2020-01-01T10:00\"")
			.contains("aria-invalid=\"true\"");
		assertThat(fixtures.audit(blast)).hasSize(before);
	}

	@Test
	void aStaleFormShowsThePageAgainWithTheNoteAndChangesNothing() throws Exception {
		long blast = fixtures.blast(fixtures.list(1), null, true);
		browser.get("/console/blasts/" + blast);
		int before = fixtures.audit(blast).size();

		HttpResponse<String> again = browser.post("/console/blasts/" + blast + "/approve", Map.of("_csrf", "stale-" + UUID.randomUUID()));

		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("The page had expired. Nothing was changed: please press the button again.")
			.contains("id=\"button-approve\"");
		assertThat(fixtures.state(blast)).isEqualTo("AWAITING_APPROVAL");
		assertThat(fixtures.audit(blast)).hasSize(before);
	}

	/** As the page's script asks for it: JSON, with the session's cookies. */
	private String progressJson(ConsoleClient client, long blast) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/console/blasts/" + blast + "/progress"))
			.header("Accept", "application/json")
			.header("Cookie", String.join("; ", client.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		return answer.body();
	}

	private ConsoleClient signedIn(String name) throws Exception {
		ConsoleClient client = new ConsoleClient(base());
		assertThat(client.signIn(name, ConsoleBrowserSupport.PASSWORD).statusCode()).isEqualTo(302);
		return client;
	}

	private String account(String role) throws Exception {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
					Map.of("username", name, "email", name + "@example.org", "password", ConsoleBrowserSupport.PASSWORD, "role", role))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

}
