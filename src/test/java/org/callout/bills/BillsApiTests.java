package org.callout.bills;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Bills through the organizer API: registration, statuses set by hand, history, and the events they announce. */
@H2Database
@Import(BillsApiTests.Events.class)
class BillsApiTests extends SignupFlowSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		@Bean
		BillEvents billEvents() {
			return new BillEvents();
		}

	}

	@Autowired
	BillEvents events;

	@Test
	void theNewYorkForAllActIsRegisteredByPrintNumberWithItsSameAsBill() throws Exception {
		HttpResponse<String> created = register(Map.of("session", 2021, "printNo", "s3076a", "sameAs", "A2328A", "title",
				"Enacts the New York for All Act", "summary", Map.of("en", "Keeps local police out of ICE's work.", "es",
						"Mantiene a la policía local fuera del trabajo de ICE.")));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode bill = json.readTree(created.body());
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/bills/" + bill.get("id").asLong());
		assertThat(bill.get("session").asInt()).isEqualTo(2021);
		assertThat(bill.get("prints").valueStream().map(p -> p.get("basePrintNo").asString() + "/" + p.get("activePrintNo").asString()))
			.containsExactly("S3076/S3076A", "A2328/A2328A");
		assertThat(bill.get("summaries").get("es").asString()).startsWith("Mantiene");
		assertThat(bill.get("actsNext").asString()).isEqualTo("BOTH_CHAMBERS");
	}

	@Test
	void aStatusChangeIsRecordedAndAnnouncedOnceWithWhoMustActNext() throws Exception {
		long id = newBill("S" + serial(), "A" + serial());

		HttpResponse<String> first = status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", "2021-01-28", "committee", "Finance"));
		HttpResponse<String> again = status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", "2021-01-28"));

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(json.readTree(first.body()).get("result").asString()).isEqualTo("ANNOUNCED");
		assertThat(json.readTree(again.body()).get("result").asString()).isEqualTo("REPEAT");
		BillStatusChanged event = awaitEvents(id, 1).getFirst(); // exactly one: awaitEvents fails on a second
		assertThat(event.to()).isEqualTo(BillStatus.IN_SENATE_COMM);
		assertThat(event.from()).isNull();
		assertThat(event.chamber()).isEqualTo(Chamber.SENATE);
		assertThat(event.actsNext()).isEqualTo(ActsNext.BOTH_CHAMBERS);
		assertThat(event.actionDate()).isEqualTo(LocalDate.of(2021, 1, 28));
		assertThat(event.source()).isEqualTo("api");
		assertThat(history(id)).hasSize(1);
	}

	@Test
	void passingTheSenateMovesTheAskToTheAssembly() throws Exception {
		long id = newBill("S" + serial(), "A" + serial());
		status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", "2021-01-28"));
		status(id, Map.of("status", "PASSED_SENATE", "actionDate", "2021-05-01"));
		status(id, Map.of("status", "IN_ASSEMBLY_COMM", "actionDate", "2021-05-02"));

		List<BillStatusChanged> changes = awaitEvents(id, 3);

		assertThat(changes.stream().map(BillStatusChanged::actsNext))
			.containsExactly(ActsNext.BOTH_CHAMBERS, ActsNext.ASSEMBLY, ActsNext.ASSEMBLY);
		assertThat(changes.get(2).printNo()).startsWith("A");
		assertThat(json.readTree(admin("/api/v1/bills/" + id).body()).get("actsNext").asString()).isEqualTo("ASSEMBLY");
	}

	@Test
	void anOlderActionArrivingLateGoesIntoTheHistoryAndAnnouncesNothing() throws Exception {
		long id = newBill("S" + serial(), null);
		status(id, Map.of("status", "SENATE_FLOOR", "actionDate", "2021-05-10"));

		HttpResponse<String> late = status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", "2021-01-28"));

		assertThat(json.readTree(late.body()).get("result").asString()).isEqualTo("STALE");
		assertThat(history(id).stream().map(e -> e.get("kind").asString())).containsExactly("STATUS", "STALE");
		assertThat(json.readTree(admin("/api/v1/bills/" + id).body()).get("prints").get(0).get("status").asString())
			.isEqualTo("SENATE_FLOOR");
		assertThat(awaitEvents(id, 1)).hasSize(1);
	}

	@Test
	void theSessionEndIsOneChangePerBillAndSaysWhetherItIsFinal() throws Exception {
		long id = newBill("S" + serial(), "A" + serial());
		status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", "2021-01-28"));
		status(id, Map.of("status", "IN_ASSEMBLY_COMM", "actionDate", "2021-02-01"));

		HttpResponse<String> ended = status(id, Map.of("status", "SESSION_ENDED", "actionDate", "2021-06-10", "finalEnd", false));
		HttpResponse<String> again = status(id, Map.of("status", "SESSION_ENDED", "actionDate", "2021-06-10"));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

		assertThat(json.readTree(ended.body()).get("result").asString()).isEqualTo("ANNOUNCED");
		assertThat(json.readTree(again.body()).get("result").asString()).isEqualTo("REPEAT");
		List<BillStatusChanged> changes = awaitEvents(id, 3);
		assertThat(changes.getLast().to()).isEqualTo(BillStatus.SESSION_ENDED);
		assertThat(changes.getLast().finalEnd()).isFalse();
		assertThat(changes.getLast().actsNext()).isEqualTo(ActsNext.NOBODY);
		assertThat(history(id).stream().map(e -> e.get("to").asString()))
			.containsExactly("IN_SENATE_COMM", "IN_ASSEMBLY_COMM", "SESSION_ENDED", "SESSION_ENDED");
	}

	@Test
	void badBillsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		long before = count("SELECT COUNT(*) FROM bills");
		assertThat(fields(register(Map.of("session", 2022, "printNo", "S1")))).containsExactly("session");
		assertThat(fields(register(Map.of("session", 1999, "printNo", "S1")))).containsExactly("session");
		assertThat(fields(register(Map.of("session", 2021, "printNo", "X3076")))).containsExactly("printNo");
		assertThat(fields(register(Map.of("session", 2021, "printNo", "S3076\r\nA1")))).containsExactly("printNo");
		assertThat(fields(register(Map.of("session", 2021, "printNo", "S" + serial(), "sameAs", "S" + serial())))).containsExactly("sameAs");
		assertThat(fields(register(Map.of("printNo", "<b>S1</b>")))).containsExactlyInAnyOrder("session", "printNo");
		assertThat(register(Map.of()).statusCode()).isEqualTo(400);
		assertThat(count("SELECT COUNT(*) FROM bills")).isEqualTo(before);
	}

	@Test
	void aPrintTrackedAlreadyIsAConflictAndTheNewBillIsNotKept() throws Exception {
		String senate = "S" + serial();
		newBill(senate, null);
		long before = count("SELECT COUNT(*) FROM bills");

		HttpResponse<String> duplicate = register(Map.of("session", 2021, "printNo", "A" + serial(), "sameAs", senate + "B"));

		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(json.readTree(duplicate.body()).get("errors").get(0).get("field").asString()).isEqualTo("sameAs");
		assertThat(count("SELECT COUNT(*) FROM bills")).isEqualTo(before);
	}

	@Test
	void badStatusesAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
		long id = newBill("S" + serial(), "A" + serial());
		String tomorrow = LocalDate.now().plusDays(2).toString();

		String date = "2021-02-01";
		assertThat(fields(status(id, Map.of("status", "PASSED_BOTH", "actionDate", date)))).containsExactly("status");
		assertThat(fields(status(id, Map.of("status", "in_senate_comm", "actionDate", date)))).containsExactly("status");
		assertThat(fields(status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", tomorrow)))).containsExactly("actionDate");
		assertThat(fields(status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", "28/01/2021")))).containsExactly("actionDate");
		// No default date: "today" would let a late report move a bill of an old session.
		assertThat(fields(status(id, Map.of("status", "IN_SENATE_COMM")))).containsExactly("actionDate");
		assertThat(fields(status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", "2023-01-10")))).containsExactly("actionDate");
		assertThat(fields(status(id, Map.of("status", "DELIVERED_TO_GOV", "actionDate", date)))).containsExactly("print");
		assertThat(fields(status(id, Map.of("status", "IN_SENATE_COMM", "actionDate", date, "print", "S999999")))).containsExactly("print");
		assertThat(status(987_654L, Map.of("status", "IN_SENATE_COMM", "actionDate", date)).statusCode()).isEqualTo(404);
		assertThat(history(id)).isEmpty();
	}

	@Test
	void sponsorsAreSetByLegislatorIdSoTheEmbeddedDefaultKnowsWhomToThank() throws Exception {
		String senate = "S" + serial();
		long id = newBill(senate, null);

		long salazar = senator("18");
		long ramos = senator("13");

		HttpResponse<String> updated = put(id, Map.of("summary", Map.of("en", "One line."), "sponsors",
				List.of(Map.of("print", senate, "sponsor", salazar, "coSponsors", List.of(ramos)))));

		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		JsonNode sponsors = json.readTree(updated.body()).get("prints").get(0).get("sponsors");
		assertThat(sponsors.valueStream().map(s -> s.get("role").asString() + ":" + s.get("legislatorId").asLong() + ":" + s.get("name").asString()))
			.containsExactly("SPONSOR:" + salazar + ":Julia Salazar", "COSPONSOR:" + ramos + ":Jessica Ramos");
		assertThat(fields(put(id, Map.of("sponsors", List.of(Map.of("print", "A1", "sponsor", salazar)))))).containsExactly("sponsors.print");
		assertThat(fields(put(id, Map.of("sponsors", List.of(Map.of("print", senate, "sponsor", 987_654)))))).containsExactly("sponsors");
		long reyes = json.readTree(admin("/api/v1/legislators?chamber=lower&district=87").body()).get(0).get("id").asLong();
		assertThat(fields(put(id, Map.of("sponsors", List.of(Map.of("print", senate, "sponsor", reyes)))))).containsExactly("sponsors");
	}

	@Test
	void billsNeedTheAdminToken() throws Exception {
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/bills")).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private static int next = 3000;

	private static synchronized int serial() {
		return next++;
	}

	private long senator(String district) throws Exception {
		JsonNode found = json.readTree(admin("/api/v1/legislators?chamber=upper&district=" + district).body());
		return found.valueStream().filter(l -> l.get("current").asBoolean()).findFirst().orElseThrow().get("id").asLong();
	}

	private long newBill(String printNo, String sameAs) throws Exception {
		Map<String, Object> body = sameAs == null ? Map.of("session", 2021, "printNo", printNo)
				: Map.of("session", 2021, "printNo", printNo, "sameAs", sameAs);
		HttpResponse<String> created = register(body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asLong();
	}

	private HttpResponse<String> register(Map<String, ?> body) throws Exception {
		return postJson("/api/v1/bills", json.writeValueAsString(body), Map.of("Authorization", "Bearer " + ADMIN));
	}

	private HttpResponse<String> status(long id, Map<String, ?> body) throws Exception {
		return postJson("/api/v1/bills/" + id + "/status", json.writeValueAsString(body), Map.of("Authorization", "Bearer " + ADMIN));
	}

	private HttpResponse<String> put(long id, Map<String, ?> body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/bills/" + id))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<JsonNode> history(long id) throws Exception {
		return json.readTree(admin("/api/v1/bills/" + id + "/history").body()).valueStream().toList();
	}

	private List<BillStatusChanged> awaitEvents(long id, int expected) {
		return events.awaitExactly(id, expected);
	}

	private List<String> fields(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return json.readTree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

}
