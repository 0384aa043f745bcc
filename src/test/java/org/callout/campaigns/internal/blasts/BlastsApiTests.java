package org.callout.campaigns.internal.blasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.campaigns.CampaignFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@H2Database
class BlastsApiTests extends CampaignFlowSupport {

	@Test
	void aBlastMadeByHandIsADraftThatKeepsItsTemplateVersionAndItsAuthorAndMovesOnlyAsTheTableSays() throws Exception {
		JsonNode draft = create(Map.of("lists", List.of("supporters"), "startAt", inNewYork(Duration.ofDays(2)),
				"zone", "America/New_York"));

		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("createdBy").asString()).isEqualTo("organizer:organizer");
		assertThat(draft.get("template").get("name").asString()).isEqualTo("call-your-legislator");
		// Shown in New York time: EST or EDT, whichever holds on that day.
		assertThat(draft.get("startAtLocal").asString()).matches(".*T10:00-0[45]:00");
		long id = draft.get("id").asLong();
		JsonNode template = json.readTree(admin("/api/v1/blasts/" + id + "/template").body());
		assertThat(template.get("languages").get("es").get("text").asString()).startsWith("Subject:");

		assertThat(conflict(id, "approve")).isEqualTo("DRAFT");
		assertThat(post(id, "submit", "{\"needsApproval\":true}").get("state").asString()).isEqualTo("AWAITING_APPROVAL");
		// Submitting again is no way around the approval.
		assertThat(conflict(id, "submit")).isEqualTo("AWAITING_APPROVAL");
		assertThat(post(id, "approve", null).get("state").asString()).isEqualTo("SCHEDULED");
		assertThat(post(id, "reschedule", "{\"startAt\":\"" + inNewYork(Duration.ofDays(3)) + "\"}").get("state").asString())
			.isEqualTo("SCHEDULED");
		assertThat(post(id, "cancel", null).get("state").asString()).isEqualTo("CANCELLED");
		assertThat(conflict(id, "approve")).isEqualTo("CANCELLED");
		assertThat(conflict(id, "cancel")).isEqualTo("CANCELLED");
		assertThat(conflict(id, "submit")).isEqualTo("CANCELLED");
		JsonNode changes = json.readTree(admin("/api/v1/blasts/" + id).body()).get("changes");
		assertThat(changes.valueStream().map(change -> change.get("to").asString()))
			.containsExactly("DRAFT", "AWAITING_APPROVAL", "SCHEDULED", "SCHEDULED", "CANCELLED");
	}

	@Test
	void badBlastsAreProblemsNamingTheFieldAndNothingIsMade() throws Exception {
		long before = count("SELECT COUNT(*) FROM blasts");

		assertThat(fields(Map.of("lists", List.of("supporters"), "startAt", "2020-01-01T10:00"))).containsExactly("startAt");
		assertThat(fields(Map.of("lists", List.of("supporters"), "zone", "Mars/Olympus"))).containsExactly("zone");
		assertThat(fields(Map.of("lists", List.of("supporters"), "startAt", inNewYork(Duration.ofDays(2)),
				"sendBy", inNewYork(Duration.ofDays(1))))).containsExactly("sendBy");
		assertThat(fields(Map.of("lists", List.of("no-such-list")))).containsExactly("lists");
		assertThat(fields(Map.of("lists", List.of()))).containsExactly("lists");
		assertThat(fields(Map.of("lists", List.of("supporters"), "template", "nope"))).containsExactly("template");
		assertThat(fields(Map.of("lists", List.of("supporters"), "billId", 999_999))).containsExactly("billId");
		assertThat(fields(Map.of("lists", List.of("supporters"), "ask", "mayor"))).containsExactly("ask");
		assertThat(fields(Map.of("lists", List.of("supporters"), "districts", List.of("59")))).containsExactly("districts");
		assertThat(fields(Map.of("lists", List.of("supporters"), "startAt", "tomorrow"))).containsExactly("startAt");
		// 02:30 on the spring-forward day does not exist in New York.
		assertThat(fields(Map.of("lists", List.of("supporters"), "startAt", "2099-03-08T02:30", "zone", "America/New_York")))
			.containsExactly("startAt");
		assertThat(count("SELECT COUNT(*) FROM blasts")).isEqualTo(before);
		assertThat(adminSend("GET", "/api/v1/blasts/987654", null).statusCode()).isEqualTo(404);
		assertThat(adminSend("POST", "/api/v1/blasts/987654/cancel", null).statusCode()).isEqualTo(404);
		assertThat(adminSend("GET", "/api/v1/blasts?state=LOST", null).statusCode()).isEqualTo(400);
	}

	@Test
	void badTriggersAreProblemsNamingTheField() throws Exception {
		long bill = trackBill("S4100", "A4100", List.of(), List.of(), "INTRODUCED", "S4100");
		Map<String, Object> good = Map.of("billId", bill, "statuses", List.of("PASSED_SENATE"), "lists", List.of("supporters"));

		assertThat(triggerFields(with(good, "statuses", List.of("PASSED_MOON")))).containsExactly("statuses");
		assertThat(triggerFields(with(good, "billId", 999_999))).containsExactly("billId");
		assertThat(triggerFields(with(good, "mode", "SOMETIMES"))).containsExactly("mode");
		assertThat(triggerFields(with(good, "delay", "soon"))).containsExactly("delay");
		assertThat(triggerFields(with(with(good, "delay", "2h"), "sendBy", "1h"))).containsExactly("sendBy");
		assertThat(triggerFields(with(good, "sendBy", "0s"))).containsExactly("sendBy");
		assertThat(triggerFields(with(good, "sendBy", "99999999999999d"))).containsExactly("sendBy");
		assertThat(triggerFields(with(good, "delay", "31d"))).contains("delay");
		HttpResponse<String> created = adminSend("POST", "/api/v1/triggers", json.writeValueAsString(good));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode trigger = json.readTree(created.body());
		assertThat(trigger.get("mode").asString()).isEqualTo("NEEDS_APPROVAL");
		assertThat(trigger.get("sendBy").asString()).isEqualTo("PT48H");
		assertThat(trigger.get("quietHours").asBoolean()).isTrue();
		assertThat(adminSend("DELETE", "/api/v1/triggers/" + trigger.get("id").asLong(), null).statusCode()).isEqualTo(204);
		assertThat(json.readTree(admin("/api/v1/triggers/" + trigger.get("id").asLong()).body()).get("enabled").asBoolean()).isFalse();
		// A later edit that leaves "enabled" out keeps it off.
		assertThat(adminSend("PUT", "/api/v1/triggers/" + trigger.get("id").asLong(),
				json.writeValueAsString(with(good, "mode", "AUTO_SEND"))).statusCode()).isEqualTo(200);
		assertThat(json.readTree(admin("/api/v1/triggers/" + trigger.get("id").asLong()).body()).get("enabled").asBoolean()).isFalse();
	}

	@Test
	void theAudienceIsCountedByDistrictConfidenceAndLanguageBeforeApproval() throws Exception {
		JsonNode before = audience(create(Map.of("lists", List.of("supporters"))).get("id").asLong());
		supporter(unique("exact"), "Ana", "12207", "es");
		supporter(unique("split"), "Bo", "10027", "en");

		JsonNode after = audience(create(Map.of("lists", List.of("supporters"))).get("id").asLong());
		JsonNode senateOnly = audience(create(Map.of("lists", List.of("supporters"), "chamber", "senate",
				"districts", List.of("46"))).get("id").asLong());

		assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong() + 2);
		assertThat(after.get("byConfidence").get("exact").asLong()).isEqualTo(before.get("byConfidence").get("exact").asLong() + 1);
		assertThat(after.get("byConfidence").get("ambiguous").asLong())
			.isEqualTo(before.get("byConfidence").get("ambiguous").asLong() + 1);
		assertThat(after.get("byLanguage").get("es").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(senateOnly.get("total").asLong()).isGreaterThanOrEqualTo(1).isLessThan(after.get("total").asLong());
	}

	@Test
	void aBlastAwaitingApprovalPreviewsTheAssemblyAskOnceTheSenatePassedTheBillThankingCoSponsors() throws Exception {
		long romero = legislatorId("lower", "109");
		long bill = trackBill("S4200", "A4200", List.of(), List.of(romero), "IN_SENATE_COMM", null);
		HttpResponse<String> trigger = adminSend("POST", "/api/v1/triggers", json.writeValueAsString(Map.of("billId", bill,
				"statuses", List.of("PASSED_SENATE"), "template", "call-your-legislator", "lists", List.of("supporters"),
				"mode", "NEEDS_APPROVAL")));
		assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(201);
		long triggerId = json.readTree(trigger.body()).get("id").asLong();

		setStatus(bill, "PASSED_SENATE", null, "2026-03-10");

		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(admin("/api/v1/blasts?billId="
				+ bill + "&state=AWAITING_APPROVAL").body()).size() == 1);
		JsonNode blast = json.readTree(admin("/api/v1/blasts?billId=" + bill).body()).get(0);
		assertThat(blast.get("triggerId").asLong()).isEqualTo(triggerId);
		HttpResponse<String> preview = adminSend("POST", "/api/v1/blasts/" + blast.get("id").asLong() + "/preview",
				"{\"zip\":\"12207\"}");
		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		String text = json.readTree(preview.body()).get("text").asString();
		assertThat(text).contains("Passed the Senate", "Who must act next: the Assembly",
				"CALL your Assembly Member, Gabriella Romero", "Gabriella Romero co-sponsors this bill",
				"to thank Assembly Member Gabriella Romero").doesNotContain("CALL your Senator");
		String split = json.readTree(adminSend("POST", "/api/v1/blasts/" + blast.get("id").asLong() + "/preview",
				"{\"zip\":\"10027\"}").body()).get("text").asString();
		assertThat(split).contains("Your Assembly district depends on your street").doesNotContain("CALL your");

		// The bill moves on; the blast still asks whom it asked when it was made.
		setStatus(bill, "PASSED_ASSEMBLY", null, "2026-03-20");
		String later = json.readTree(adminSend("POST", "/api/v1/blasts/" + blast.get("id").asLong() + "/preview",
				"{\"zip\":\"12207\"}").body()).get("text").asString();
		assertThat(later).contains("CALL your Assembly Member, Gabriella Romero", "Who must act next: the Assembly")
			.doesNotContain("Governor");
	}

	private JsonNode audience(long blast) throws Exception {
		return json.readTree(admin("/api/v1/blasts/" + blast + "/audience").body());
	}

	/** A time some days ahead of the service's clock (which other tests move forward), at 10:00 in New York. */
	private String inNewYork(Duration from) {
		return LocalDateTime.ofInstant(clock.instant(), ZoneId.of("America/New_York")).plus(from).withHour(10).withMinute(0).withSecond(0).withNano(0)
			.toString();
	}

	private JsonNode create(Map<String, Object> body) throws Exception {
		HttpResponse<String> created = adminSend("POST", "/api/v1/blasts", json.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body());
	}

	private JsonNode post(long id, String move, String body) throws Exception {
		HttpResponse<String> response = adminSend("POST", "/api/v1/blasts/" + id + "/" + move, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private String conflict(long id, String move) throws Exception {
		HttpResponse<String> response = adminSend("POST", "/api/v1/blasts/" + id + "/" + move, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
		return json.readTree(response.body()).get("state").asString();
	}

	private List<String> fields(Map<String, Object> body) throws Exception {
		return problemFields(adminSend("POST", "/api/v1/blasts", json.writeValueAsString(body)));
	}

	private List<String> triggerFields(Map<String, Object> body) throws Exception {
		return problemFields(adminSend("POST", "/api/v1/triggers", json.writeValueAsString(body)));
	}

	private List<String> problemFields(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return json.readTree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).distinct().toList();
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(base);
		copy.put(key, value);
		return copy;
	}

}
