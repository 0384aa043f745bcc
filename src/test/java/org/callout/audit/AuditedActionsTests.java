package org.callout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.callout.campaigns.CampaignFlowSupport;
import org.callout.support.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every organizer write of the API, as a table: each leaves exactly one audit entry naming the action, its target,
 * the admin token as actor, the API as channel and the client's address. A write mapping under {@code /api/v1/}
 * without a row (audited or said why not) fails {@link #everyWriteOfTheApiHasARowInTheTable}. On each database:
 * the entry shares the action's transaction where it has one, and PostgreSQL is the stricter about transactions.
 */
abstract class AuditedActionsTests extends CampaignFlowSupport {

	/** Calls the endpoint (after making what it needs) and answers the target the entry must name. */
	@FunctionalInterface
	interface Call {

		String run() throws Exception;

	}

	/** One write mapping, the action it records, and who the entry must name. */
	record Row(String method, String path, String action, String actor, Call call) {

		Row(String method, String path, String action, Call call) {
			this(method, path, action, "admin-token", call);
		}

		String mapping() {
			return method + " " + path;
		}

	}

	/** Writes that change nothing an organizer could be asked about. */
	private static final Map<String, String> NOT_AUDITED = Map.of(
			"POST /api/v1/signups", "public: a supporter's signup, recorded in the consent ledger",
			"POST /api/v1/templates/{name}/preview", "renders an email and answers it; nothing is stored or sent",
			"POST /api/v1/blasts/{id}/preview", "renders an email and answers it; nothing is stored or sent");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** The Senate print of the bill {@link #bill()} made last. */
	private String senatePrint;

	private HttpResponse<String> expect(HttpResponse<String> answer, int... statuses) {
		assertThat(statuses).as(answer.request().method() + " " + answer.request().uri() + ": " + answer.body())
			.contains(answer.statusCode());
		return answer;
	}

	private HttpResponse<String> call(String method, String path, Object body, int... statuses) throws Exception {
		return expect(adminSend(method, path, body == null ? null : json.writeValueAsString(body)), statuses);
	}

	private HttpResponse<String> callAs(String token, String method, String path, Object body, int... statuses)
			throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
					: java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		return expect(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), statuses);
	}

	/** The account whose personal token the {@code /api/v1/me} rows use: their entries name it. */
	private static final String MEMBER = "aud-member-" + UUID.randomUUID().toString().substring(0, 6);

	private long account(String username) throws Exception {
		return id(call("POST", "/api/v1/accounts", Map.of("username", username, "email", username + "@example.org", "password",
				"correct horse battery staple", "role", "ORGANIZER"), 201));
	}

	private String memberToken() throws Exception {
		long member = memberAccount();
		return json.readTree(call("POST", "/api/v1/accounts/" + member + "/tokens", Map.of("name", "laptop"), 201).body())
			.get("token").asString();
	}

	private long memberAccount() throws Exception {
		HttpResponse<String> all = call("GET", "/api/v1/accounts", null, 200);
		for (var account : json.readTree(all.body())) {
			if (account.get("username").asString().equals(MEMBER)) {
				return account.get("id").asLong();
			}
		}
		return account(MEMBER);
	}

	private long id(HttpResponse<String> answer) {
		return json.readTree(answer.body()).get("id").asLong();
	}

	private String list() throws Exception {
		String slug = "aud-" + UUID.randomUUID().toString().substring(0, 8);
		call("POST", "/api/v1/lists", Map.of("slug", slug, "name", "Audit", "isPublic", false), 201);
		return slug;
	}

	// Print numbers S9400 to S9999, one after another from a random start: a random number for each bill collided
	// with an earlier bill of the same run now and then (a 409 where the row expects 201).
	private static final AtomicInteger BILLS = new AtomicInteger(ThreadLocalRandom.current().nextInt(600));

	private long bill() throws Exception {
		String number = String.valueOf(9400 + BILLS.getAndIncrement() % 600);
		senatePrint = "S" + number;
		Map<String, Object> bill = Map.of("session", 2025, "printNo", "S" + number, "sameAs", "A" + number, "title",
				"Audit bill", "summary", Map.of("en", "A bill.", "es", "Un proyecto."));
		return id(call("POST", "/api/v1/bills", bill, 201));
	}

	private String startAt(Duration from) {
		return LocalDateTime.ofInstant(clock.instant(), ZoneId.of("America/New_York")).plus(from).withHour(10).withMinute(0)
			.withSecond(0).withNano(0).toString();
	}

	/** A real import of one unconfirmed supporter; its id. */
	private long importFile() throws Exception {
		HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/v1/subscribers/imports"))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "text/csv")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("email,first_name\r\n" + unique("imported") + ",Ana\r\n"))
			.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(expect(answer, 201).body()).get("importRun").get("id").asLong();
	}

	private long draft() throws Exception {
		String list = list();
		mark = lastId();
		return id(call("POST", "/api/v1/blasts", Map.of("lists", List.of(list), "startAt", startAt(Duration.ofDays(2)),
				"quietHours", false), 201));
	}

	private long submitted(boolean approval) throws Exception {
		long blast = draft();
		call("POST", "/api/v1/blasts/" + blast + "/submit", Map.of("needsApproval", approval), 200);
		return blast;
	}

	/**
	 * A blast put straight into this state: reaching SENDING or PAUSED through the engine needs a relay held mid-send
	 * (OrganizerControlTests does that); here only the organizer's move and its entry matter. Its audience is an
	 * empty list, so whatever the engine does next sends nothing.
	 */
	private long blastIn(String state) throws Exception {
		long blast = draft();
		jdbc.sql("UPDATE blasts SET state = :state, paused_by = :by WHERE id = :id")
			.param("state", state)
			.param("by", state.equals("PAUSED") ? "organizer" : null)
			.param("id", blast)
			.update();
		return blast;
	}

	private long trigger() throws Exception {
		long bill = bill();
		mark = lastId();
		return id(call("POST", "/api/v1/triggers", Map.of("billId", bill, "statuses", List.of("PASSED_SENATE"), "lists",
				List.of("supporters")), 201));
	}

	private long supporter() throws Exception {
		return supporter(unique("audited"), "Ana", "12207", "en");
	}

	private String template() throws Exception {
		String name = "aud-" + UUID.randomUUID().toString().substring(0, 8);
		call("PUT", "/api/v1/templates/" + name, templateBody(), 200, 201);
		return name;
	}

	private static Map<String, Object> templateBody() {
		Map<String, String> english = new LinkedHashMap<>();
		english.put("text", "Subject: Call today\nHi {{firstName}},\n{{unsubscribeUrl}}\n{{organization.postalAddress}}\n");
		english.put("html", "<p>Hi {{firstName}}</p>\n<p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>\n"
				+ "<p>{{organization.postalAddress}}</p>\n");
		return Map.of("languages", Map.of("en", english));
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private List<Row> table() {
		return List.of(
				new Row("POST", "/api/v1/accounts", "account.create", () -> {
					String username = "aud-" + UUID.randomUUID().toString().substring(0, 8);
					account(username);
					return "account:" + username;
				}),
				new Row("PUT", "/api/v1/accounts/{id}", "account.edit", () -> {
					String username = "aud-" + UUID.randomUUID().toString().substring(0, 8);
					long account = account(username);
					return start("account:" + username, () -> call("PUT", "/api/v1/accounts/" + account, Map.of("role", "VIEWER"), 200));
				}),
				new Row("POST", "/api/v1/accounts/{id}/tokens", "token.create", () -> {
					long account = account("aud-" + UUID.randomUUID().toString().substring(0, 8));
					mark = lastId();
					return "token:" + id(call("POST", "/api/v1/accounts/" + account + "/tokens", Map.of("name", "phone"), 201));
				}),
				new Row("DELETE", "/api/v1/accounts/{id}/tokens/{tokenId}", "token.revoke", () -> {
					long account = account("aud-" + UUID.randomUUID().toString().substring(0, 8));
					long token = id(call("POST", "/api/v1/accounts/" + account + "/tokens", Map.of("name", "phone"), 201));
					return start("token:" + token, () -> call("DELETE", "/api/v1/accounts/" + account + "/tokens/" + token, null, 204));
				}),
				new Row("POST", "/api/v1/me/tokens", "token.create", MEMBER, () -> {
					String token = memberToken();
					mark = lastId();
					return "token:" + id(callAs(token, "POST", "/api/v1/me/tokens", Map.of("name", "desktop"), 201));
				}),
				new Row("DELETE", "/api/v1/me/tokens/{tokenId}", "token.revoke", MEMBER, () -> {
					String token = memberToken();
					long other = id(callAs(token, "POST", "/api/v1/me/tokens", Map.of("name", "old"), 201));
					return start("token:" + other, () -> callAs(token, "DELETE", "/api/v1/me/tokens/" + other, null, 204));
				}),
				new Row("POST", "/api/v1/bills", "bill.create", () -> "bill:" + bill()),
				new Row("PUT", "/api/v1/bills/{id}", "bill.edit", () -> {
					long bill = bill();
					return start("bill:" + bill, () -> call("PUT", "/api/v1/bills/" + bill, Map.of("title", "Renamed"), 200));
				}),
				new Row("POST", "/api/v1/bills/{id}/status", "bill.status.set", () -> {
					long bill = bill();
					return start("bill:" + bill, () -> call("POST", "/api/v1/bills/" + bill + "/status",
							Map.of("status", "IN_SENATE_COMM", "actionDate", "2026-02-03", "print", senatePrint), 200));
				}),
				new Row("POST", "/api/v1/mail/test", "mail.test",
						() -> start("mail:test", () -> call("POST", "/api/v1/mail/test", Map.of("to", unique("organizer")), 202))),
				new Row("POST", "/api/v1/suppressions", "suppression.add", () -> {
					call("POST", "/api/v1/suppressions", Map.of("email", unique("suppressed")), 201);
					return SUPPRESSION;
				}),
				new Row("DELETE", "/api/v1/suppressions", "suppression.lift", () -> {
					String email = unique("lifted");
					call("POST", "/api/v1/suppressions", Map.of("email", email), 201);
					return start(SUPPRESSION, () -> call("DELETE", "/api/v1/suppressions?email=" + encoded(email), null, 204));
				}),
				new Row("PUT", "/api/v1/subscribers/{id}", "subscriber.correct", () -> {
					long subscriber = supporter();
					return start("subscriber:" + subscriber, () -> call("PUT", "/api/v1/subscribers/" + subscriber,
							Map.of("firstName", "Ana", "lastName", "Díaz", "zip", "12208", "language", "en"), 200));
				}),
				new Row("POST", "/api/v1/subscribers/{id}/unsubscribe", "subscriber.unsubscribe", () -> {
					long subscriber = supporter();
					return start("subscriber:" + subscriber,
							() -> call("POST", "/api/v1/subscribers/" + subscriber + "/unsubscribe", null, 200));
				}),
				new Row("POST", "/api/v1/subscribers/imports", "subscribers.import", () -> "import:" + importFile()),
				new Row("POST", "/api/v1/subscribers/imports/{id}/confirmations", "subscribers.import.confirmations", () -> {
					long run = importFile();
					return start("import:" + run, () -> call("POST", "/api/v1/subscribers/imports/" + run + "/confirmations", null, 202));
				}),
				new Row("POST", "/api/v1/subscribers/erasures", "subscriber.erase", () -> {
					call("POST", "/api/v1/subscribers/erasures", Map.of("email", unique("forget-me")), 200);
					return "erasure";
				}),
				new Row("POST", "/api/v1/lists", "list.create", () -> "list:" + list()),
				new Row("PUT", "/api/v1/lists/{slug}", "list.edit", () -> {
					String slug = list();
					return start("list:" + slug, () -> call("PUT", "/api/v1/lists/" + slug,
							Map.of("name", "Renamed", "isPublic", true), 200));
				}),
				new Row("POST", "/api/v1/kiosk-allowlist", "kiosk.add", () -> {
					call("POST", "/api/v1/kiosk-allowlist", Map.of("cidr", "198.51.100.0/24", "label", "Town hall"), 200, 201);
					return "kiosk:198.51.100.0/24";
				}),
				new Row("DELETE", "/api/v1/kiosk-allowlist", "kiosk.remove", () -> {
					call("POST", "/api/v1/kiosk-allowlist", Map.of("cidr", "198.51.101.0/24"), 200, 201);
					return start("kiosk:198.51.101.0/24",
							() -> call("DELETE", "/api/v1/kiosk-allowlist?cidr=" + encoded("198.51.101.0/24"), null, 204));
				}),
				new Row("POST", "/api/v1/legislators/imports", "legislators.import", () -> {
					call("POST", "/api/v1/legislators/imports", Map.of("source", SharedData.file("ny-legislators.csv").toString(),
							"format", "csv", "mode", "partial"), 200);
					return "legislators";
				}),
				new Row("PUT", "/api/v1/subscribers/{id}/districts", "districts.set", () -> {
					long subscriber = supporter();
					return start("subscriber:" + subscriber, () -> call("PUT", "/api/v1/subscribers/" + subscriber + "/districts",
							Map.of("senateDistrict", "44", "assemblyDistrict", "109"), 200));
				}),
				new Row("DELETE", "/api/v1/subscribers/{id}/districts", "districts.clear", () -> {
					long subscriber = supporter();
					call("PUT", "/api/v1/subscribers/" + subscriber + "/districts", Map.of("senateDistrict", "44"), 200);
					return start("subscriber:" + subscriber,
							() -> call("DELETE", "/api/v1/subscribers/" + subscriber + "/districts", null, 200));
				}),
				new Row("POST", "/api/v1/districts/zip-table/imports", "districts.zip-table.import", () -> {
					call("POST", "/api/v1/districts/zip-table/imports",
							Map.of("source", SharedData.file("ny-zcta-senate-districts.txt").toString()), 200);
					return "zip-table:upper";
				}),
				new Row("POST", "/api/v1/districts/organizer-imports", "districts.import", () -> {
					Path csv = Files.createTempFile("audit-districts-", ".csv");
					Files.writeString(csv, "email,senate_district,assembly_district\n" + unique("nobody") + ",44,109\n");
					call("POST", "/api/v1/districts/organizer-imports", Map.of("source", csv.toString()), 200);
					return "districts";
				}),
				new Row("POST", "/api/v1/districts/refreshes", "districts.refresh",
						() -> "district-refresh:" + id(call("POST", "/api/v1/districts/refreshes", null, 200, 202))),
				new Row("PUT", "/api/v1/templates/{name}", "template.edit", () -> "template:" + template()),
				new Row("DELETE", "/api/v1/templates/{name}", "template.delete", () -> {
					String name = template();
					return start("template:" + name, () -> call("DELETE", "/api/v1/templates/" + name, null, 204));
				}),
				new Row("POST", "/api/v1/templates/{name}/test-send", "template.test-send", () -> {
					String name = template();
					return start("template:" + name, () -> call("POST", "/api/v1/templates/" + name + "/test-send",
							Map.of("to", unique("organizer"), "zip", "12207"), 202));
				}),
				new Row("POST", "/api/v1/blasts", "blast.create", () -> "blast:" + draft()),
				new Row("POST", "/api/v1/blasts/{id}/submit", "blast.submit", () -> {
					long blast = draft();
					return start("blast:" + blast, () -> call("POST", "/api/v1/blasts/" + blast + "/submit", null, 200));
				}),
				new Row("POST", "/api/v1/blasts/{id}/approve", "blast.approve", () -> {
					long blast = submitted(true);
					return start("blast:" + blast, () -> call("POST", "/api/v1/blasts/" + blast + "/approve", null, 200));
				}),
				new Row("POST", "/api/v1/blasts/{id}/reschedule", "blast.reschedule", () -> {
					long blast = submitted(false);
					return start("blast:" + blast, () -> call("POST", "/api/v1/blasts/" + blast + "/reschedule",
							Map.of("startAt", startAt(Duration.ofDays(3))), 200));
				}),
				new Row("POST", "/api/v1/blasts/{id}/pause", "blast.pause", () -> {
					long blast = blastIn("SENDING");
					return start("blast:" + blast, () -> call("POST", "/api/v1/blasts/" + blast + "/pause", null, 200));
				}),
				new Row("POST", "/api/v1/blasts/{id}/resume", "blast.resume", () -> {
					long blast = blastIn("PAUSED");
					return start("blast:" + blast, () -> call("POST", "/api/v1/blasts/" + blast + "/resume", null, 200));
				}),
				new Row("POST", "/api/v1/blasts/{id}/cancel", "blast.cancel", () -> {
					long blast = submitted(false);
					return start("blast:" + blast, () -> call("POST", "/api/v1/blasts/" + blast + "/cancel", null, 200));
				}),
				new Row("POST", "/api/v1/triggers", "trigger.create", () -> "trigger:" + trigger()),
				new Row("PUT", "/api/v1/triggers/{id}", "trigger.edit", () -> {
					long trigger = trigger();
					long bill = json.readTree(admin("/api/v1/triggers/" + trigger).body()).get("billId").asLong();
					return start("trigger:" + trigger, () -> call("PUT", "/api/v1/triggers/" + trigger, Map.of("billId",
							bill, "statuses", List.of("PASSED_SENATE", "PASSED_ASSEMBLY"), "lists", List.of("supporters")), 200));
				}),
				new Row("DELETE", "/api/v1/triggers/{id}", "trigger.delete", () -> {
					long trigger = trigger();
					return start("trigger:" + trigger, () -> call("DELETE", "/api/v1/triggers/" + trigger, null, 204));
				}));
	}

	/** Suppressions are named by the address's keyed hash: any such target will do here. */
	private static final String SUPPRESSION = "suppression:*";

	/** The setup's own entries are not the row's: the count starts here. */
	private long mark;

	@FunctionalInterface
	interface Action {

		Object run() throws Exception;

	}

	private String start(String target, Action action) throws Exception {
		mark = lastId();
		action.run();
		return target;
	}

	private long lastId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
	}

	@TestFactory
	Stream<DynamicTest> everyOrganizerWriteLeavesExactlyOneEntryNamingWhoWhatAndFromWhere() {
		return table().stream().map(row -> DynamicTest.dynamicTest(row.mapping(), () -> {
			mark = lastId();
			String target = row.call().run();

			List<Map<String, Object>> entries = jdbc.sql("SELECT * FROM audit_log WHERE id > :mark ORDER BY id")
				.param("mark", mark)
				.query()
				.listOfRows();
			assertThat(entries).as(row.mapping()).hasSize(1);
			// H2 names columns in upper case, PostgreSQL in lower case.
			Map<String, Object> lower = new LinkedHashMap<>();
			entries.getFirst().forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
			assertThat(lower.get("action")).isEqualTo(row.action());
			if (target.endsWith("*")) {
				assertThat((String) lower.get("target")).startsWith(target.substring(0, target.length() - 1)).hasSizeGreaterThan(target.length() + 10);
			}
			else {
				assertThat(lower.get("target")).isEqualTo(target);
			}
			assertThat(lower.get("actor")).isEqualTo(row.actor());
			assertThat(lower.get("channel")).isEqualTo("api");
			assertThat(lower.get("client_ip")).isEqualTo("127.0.0.1");
			assertThat(lower.get("outcome")).isEqualTo("ok");
		}));
	}

	@Test
	void everyWriteOfTheApiHasARowInTheTable() {
		Set<String> writes = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().stream()
			.filter(method -> method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS)
			.forEach(method -> info.getPatternValues().stream()
				.filter(path -> path.startsWith("/api/v1/"))
				.forEach(path -> writes.add(method.name() + " " + path))));
		Set<String> rows = new TreeSet<>(NOT_AUDITED.keySet());
		table().forEach(row -> rows.add(row.mapping()));

		assertThat(writes).as("write mappings under /api/v1/ (add a row, or a reason in NOT_AUDITED)").isNotEmpty()
			.isEqualTo(rows);
	}

}
