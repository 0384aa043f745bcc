package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard, bills and triggers pages over real HTTP: one audit entry per action with the account and channel
 * {@code console}, a viewer refused, errors at their field with what was typed, typed HTML shown as text, and a
 * stale form shown again with its note and nothing changed.
 */
@H2Database
class DashboardBillsTriggersPagesTests extends SignupFlowSupport {

	private static final AtomicInteger PRINTS = new AtomicInteger(400000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(300000));

	@Test
	void addingABillByPrintNumberLeavesOneAuditEntryByTheOrganizerOnTheConsole() throws Exception {
		String organizer = account("ORGANIZER");
		ConsoleClient browser = signedIn(organizer);
		String print = "S" + PRINTS.incrementAndGet();

		HttpResponse<String> added = browser.post("/console/bills",
				form("session", "2025", "printNo", print + "A", "sameAs", "", "title", "", "_csrf", browser.csrf));

		assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
		String location = added.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(browser.get("/console/bills/" + id).body()).contains(print + "A");
		JsonNode entries = entries("bill.create", "bill:" + id);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("actor").asString()).isEqualTo(organizer);
		assertThat(entries.get(0).get("channel").asString()).isEqualTo("console");
	}

	@Test
	void aStatusSetByHandIsOnTheTimelineInPlainWordsWithOneAuditEntry() throws Exception {
		String organizer = account("ORGANIZER");
		ConsoleClient browser = signedIn(organizer);
		long id = bill(browser, "S" + PRINTS.incrementAndGet(), "A" + PRINTS.incrementAndGet());
		browser.get("/console/bills/" + id);

		HttpResponse<String> set = browser.post("/console/bills/" + id + "/status", form("status", "PASSED_SENATE",
				"print", "", "actionDate", "2025-05-01", "committee", "", "_csrf", browser.csrf));

		assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
		String page = browser.get("/console/bills/" + id).body();
		assertThat(page).contains("Passed the Senate").contains("The Assembly").doesNotContain(">PASSED_SENATE<");
		assertThat(page).contains("The status was recorded and announced");
		JsonNode entries = entries("bill.status.set", "bill:" + id);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("actor").asString()).isEqualTo(organizer);
		assertThat(entries.get(0).get("channel").asString()).isEqualTo("console");
	}

	@Test
	void creatingAndEditingATriggerLeaveOneAuditEntryEach() throws Exception {
		String organizer = account("ORGANIZER");
		ConsoleClient browser = signedIn(organizer);
		long bill = bill(browser, "S" + PRINTS.incrementAndGet(), null);
		String list = list();
		int before = triggers().size();
		assertThat(browser.get("/console/triggers/new").statusCode()).isEqualTo(200);

		HttpResponse<String> created = browser.post("/console/triggers", trigger(bill, list, "PASSED_SENATE", "2h", browser.csrf));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		List<JsonNode> all = triggers();
		assertThat(all).hasSize(before + 1);
		JsonNode made = all.getLast();
		long id = made.get("id").asLong();
		assertThat(made.get("mode").asString()).isEqualTo("NEEDS_APPROVAL");
		assertThat(made.get("createdBy").asString()).isEqualTo("organizer:" + organizer);
		assertThat(entries("trigger.create", "trigger:" + id)).singleElement()
			.satisfies(e -> assertThat(e.get("channel").asString()).isEqualTo("console"));
		assertThat(browser.get("/console/triggers").body()).contains("Passed the Senate").doesNotContain(">PASSED_SENATE<")
			.contains("Members " + list).contains("An organizer approves each blast first");

		assertThat(browser.get("/console/triggers/" + id).body()).contains("value=\"SIGNED_BY_GOV\"").contains("value=\"2h\"");
		HttpResponse<String> edited = browser.post("/console/triggers/" + id, trigger(bill, list, "SIGNED_BY_GOV", "3h", browser.csrf));

		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
		assertThat(json.readTree(admin("/api/v1/triggers/" + id).body()).get("statuses").get(0).asString()).isEqualTo("SIGNED_BY_GOV");
		assertThat(entries("trigger.edit", "trigger:" + id)).singleElement()
			.satisfies(e -> assertThat(e.get("actor").asString()).isEqualTo(organizer));
	}

	@Test
	void aViewerSeesNoChangingButtonAndAPostChangesNothing() throws Exception {
		ConsoleClient organizer = signedIn(account("ORGANIZER"));
		long bill = bill(organizer, "S" + PRINTS.incrementAndGet(), null);
		ConsoleClient viewer = signedIn(account("VIEWER"));
		int bills = bills().size();
		int triggers = triggers().size();

		assertThat(viewer.get("/console/bills").body()).contains("id=\"bills\"").doesNotContain("id=\"add-bill\"");
		assertThat(viewer.get("/console/bills/" + bill).body()).contains("id=\"timeline-title\"").doesNotContain("id=\"set-status\"");
		assertThat(viewer.get("/console/triggers").body()).doesNotContain("id=\"new-trigger\"");
		HttpResponse<String> add = viewer.post("/console/bills", form("session", "2025", "printNo", "S" + PRINTS.incrementAndGet(), "_csrf", viewer.csrf));
		HttpResponse<String> status = viewer.post("/console/bills/" + bill + "/status",
				form("status", "PASSED_SENATE", "actionDate", "2025-05-01", "_csrf", viewer.csrf));
		HttpResponse<String> trigger = viewer.post("/console/triggers", trigger(bill, list(), "PASSED_SENATE", "0", viewer.csrf));

		assertThat(List.of(add.statusCode(), status.statusCode(), trigger.statusCode())).containsOnly(403);
		assertThat(bills()).hasSize(bills);
		assertThat(triggers()).hasSize(triggers);
		assertThat(entries("bill.status.set", "bill:" + bill)).isEmpty();
	}

	@Test
	void aMalformedPrintNumberIsShownAtItsFieldWithWhatWasTyped() throws Exception {
		ConsoleClient browser = signedIn(account("ORGANIZER"));
		browser.get("/console/bills");
		int before = bills().size();

		HttpResponse<String> refused = browser.post("/console/bills",
				form("session", "2025", "printNo", "Q12<b>", "sameAs", "", "title", "Kept title", "_csrf", browser.csrf));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"printNo-error\"").contains("Give a print number such as S3076 or A2328A.")
			.contains("value=\"Q12&lt;b&gt;\"").contains("value=\"Kept title\"").contains("aria-invalid=\"true\"");
		assertThat(bills()).hasSize(before);
	}

	@Test
	void aPrintTrackedAlreadyIsShownAtItsField() throws Exception {
		ConsoleClient browser = signedIn(account("ORGANIZER"));
		String print = "S" + PRINTS.incrementAndGet();
		bill(browser, print, null);
		browser.get("/console/bills");

		HttpResponse<String> refused = browser.post("/console/bills", form("session", "2025", "printNo", print, "_csrf", browser.csrf));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"printNo-error\"").contains("This print is tracked already").contains("value=\"" + print + "\"");
	}

	@Test
	void aBadDateOrDelayIsShownAtItsFieldWithWhatWasTypedAndChangesNothing() throws Exception {
		ConsoleClient browser = signedIn(account("ORGANIZER"));
		long bill = bill(browser, "S" + PRINTS.incrementAndGet(), null);
		int triggers = triggers().size();
		browser.get("/console/bills/" + bill);

		HttpResponse<String> status = browser.post("/console/bills/" + bill + "/status",
				form("status", "PASSED_SENATE", "actionDate", "1 May <2025>", "committee", "Codes", "_csrf", browser.csrf));
		HttpResponse<String> trigger = browser.post("/console/triggers", trigger(bill, list(), "PASSED_SENATE", "3d", browser.csrf));

		assertThat(status.statusCode()).isEqualTo(400);
		assertThat(status.body()).contains("id=\"actionDate-error\"").contains("value=\"1 May &lt;2025&gt;\"")
			.contains("value=\"Codes\"").contains("value=\"PASSED_SENATE\" selected");
		assertThat(trigger.statusCode()).isEqualTo(400);
		assertThat(trigger.body()).contains("id=\"sendBy-error\"").contains("value=\"3d\"").contains("value=\"48h\"");
		assertThat(entries("bill.status.set", "bill:" + bill)).isEmpty();
		assertThat(triggers()).hasSize(triggers);
	}

	@Test
	void anUnknownBillOrTriggerIsAPageNotFound() throws Exception {
		ConsoleClient browser = signedIn(account("VIEWER"));

		for (String page : List.of("/console/bills/987654321", "/console/triggers/987654321")) {
			HttpResponse<String> missing = browser.get(page);
			assertThat(missing.statusCode()).as(page).isEqualTo(404);
			assertThat(missing.headers().firstValue("Content-Type")).as(page).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		}
	}

	@Test
	void htmlInATitleIsShownAsText() throws Exception {
		ConsoleClient browser = signedIn(account("ORGANIZER"));
		browser.get("/console/bills");
		HttpResponse<String> added = browser.post("/console/bills", form("session", "2025", "printNo", "S" + PRINTS.incrementAndGet(),
				"title", "<script>alert('x')</script> <b>Act</b>", "_csrf", browser.csrf));
		String location = URI.create(added.headers().firstValue("Location").orElseThrow()).getPath();

		for (String page : List.of(location, "/console/bills", "/console", "/console/triggers/new")) {
			assertThat(browser.get(page).body()).as(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;b&gt;Act&lt;/b&gt;")
				.doesNotContain("<script>alert").doesNotContain("<b>Act");
		}
	}

	@Test
	void aStaleFormIsShownAgainWithTheNoteAndChangesNothing() throws Exception {
		ConsoleClient browser = signedIn(account("ORGANIZER"));
		long bill = bill(browser, "S" + PRINTS.incrementAndGet(), null);
		String print = "S" + PRINTS.incrementAndGet();
		int bills = bills().size();
		int triggers = triggers().size();

		HttpResponse<String> add = browser.post("/console/bills", form("session", "2025", "printNo", print, "_csrf", "stale-token"));
		HttpResponse<String> status = browser.post("/console/bills/" + bill + "/status",
				form("status", "PASSED_SENATE", "actionDate", "2025-05-01", "_csrf", "stale-token"));
		HttpResponse<String> trigger = browser.post("/console/triggers", trigger(bill, list(), "PASSED_SENATE", "7h", "stale-token"));

		for (HttpResponse<String> answer : List.of(add, status, trigger)) {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("The page had expired. Nothing was changed");
		}
		assertThat(add.body()).contains("value=\"" + print + "\"");
		assertThat(status.body()).contains("value=\"PASSED_SENATE\" selected");
		assertThat(trigger.body()).contains("value=\"7h\"");
		assertThat(bills()).hasSize(bills);
		assertThat(triggers()).hasSize(triggers);
		assertThat(entries("bill.status.set", "bill:" + bill)).isEmpty();
	}

	@Test
	void theDashboardShowsWhoActsNextAndTheBlastsAwaitingApproval() throws Exception {
		ConsoleClient browser = signedIn(account("ORGANIZER"));
		String print = "S" + PRINTS.incrementAndGet();
		long bill = bill(browser, print, "A" + PRINTS.incrementAndGet());
		browser.get("/console/triggers/new");
		browser.post("/console/triggers", trigger(bill, list(), "PASSED_SENATE", "0", browser.csrf));
		browser.get("/console/bills/" + bill);
		browser.post("/console/bills/" + bill + "/status", form("status", "PASSED_SENATE", "actionDate", "2025-05-01", "_csrf", browser.csrf));

		Awaitility.await().untilAsserted(() -> {
			String dashboard = browser.get("/console").body();
			int awaiting = dashboard.indexOf("id=\"blasts-awaiting\"");
			assertThat(awaiting).isPositive();
			assertThat(dashboard.substring(awaiting, dashboard.indexOf("</table>", awaiting))).contains(print).contains("Awaiting approval");
		});
		String dashboard = browser.get("/console").body();
		assertThat(dashboard).contains("id=\"signed-in-as\"").contains("The Assembly");
		assertThat(browser.get("/console?stale").body()).contains("The page had expired");
	}

	private Map<String, String> trigger(long bill, String list, String status, String delay, String csrf) {
		return form("billId", String.valueOf(bill), "statuses", status, "template", "call-your-legislator", "lists", list,
				"mode", "NEEDS_APPROVAL", "ask", "auto", "delay", delay, "sendBy", "48h", "quietHours", "true",
				"enabled", "true", "_csrf", csrf);
	}

	/** Tracks a bill through the page (session 2025); answers its id. */
	private long bill(ConsoleClient browser, String print, String sameAs) throws Exception {
		browser.get("/console/bills");
		HttpResponse<String> added = browser.post("/console/bills",
				form("session", "2025", "printNo", print, "sameAs", sameAs == null ? "" : sameAs, "_csrf", browser.csrf));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
		String location = added.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private String list() throws Exception {
		String slug = "pages-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = postJson("/api/v1/lists", json.writeValueAsString(Map.of("slug", slug, "name",
				"Members " + slug, "isPublic", true)), Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return slug;
	}

	private List<JsonNode> bills() throws Exception {
		return StreamSupport.stream(json.readTree(admin("/api/v1/bills").body()).spliterator(), false).toList();
	}

	private List<JsonNode> triggers() throws Exception {
		return StreamSupport.stream(json.readTree(admin("/api/v1/triggers").body()).spliterator(), false).toList();
	}

	private ConsoleClient signedIn(String name) throws Exception {
		ConsoleClient browser = new ConsoleClient(base());
		assertThat(browser.signIn(name, ConsoleBrowserSupport.PASSWORD).statusCode()).isEqualTo(302);
		browser.get("/console");
		return browser;
	}

	private String account(String role) throws Exception {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("username", name, "email",
					name + "@example.org", "password", ConsoleBrowserSupport.PASSWORD, "role", role))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

	private JsonNode entries(String action, String target) throws Exception {
		JsonNode all = json.readTree(admin("/api/v1/audit?action=" + action + "&limit=500").body()).get("entries");
		return json.valueToTree(StreamSupport.stream(all.spliterator(), false)
			.filter(entry -> action.equals(entry.get("action").asString()) && target.equals(entry.get("target").asString()))
			.toList());
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

}
