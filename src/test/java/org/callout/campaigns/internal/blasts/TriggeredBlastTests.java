package org.callout.campaigns.internal.blasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.BillStatusChanged;
import org.callout.bills.Chamber;
import org.callout.campaigns.CampaignFlowSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/** Status changes become blasts, exactly once, on the database each subclass names. */
abstract class TriggeredBlastTests extends CampaignFlowSupport {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	private TriggerListener listener;

	@Autowired
	private BlastScheduler scheduler;

	@Test
	void aStatusChangeMakesExactlyOneBlastPerTriggerInTheRightStateEvenWhenReplayed() throws Exception {
		moveClockToDaytime();
		long bill = trackBill("S4001", "A4001", List.of(), List.of(), "IN_SENATE_COMM", null);
		long auto = trigger(bill, "AUTO_SEND", List.of("PASSED_SENATE"));
		long approval = trigger(bill, "NEEDS_APPROVAL", List.of("PASSED_SENATE"));

		setStatus(bill, "PASSED_SENATE", null, "2026-02-20");

		JsonNode scheduled = awaitOneBlast(auto);
		JsonNode waiting = awaitOneBlast(approval);
		// Due at once (no delay, daytime): on the handover queue in the transaction that made it, no scheduler pass.
		assertThat(moves(scheduled)).startsWith("SCHEDULED by trigger:" + auto, "READY by scheduler");
		assertThat(waiting.get("state").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(scheduled.get("toStatus").asString()).isEqualTo("PASSED_SENATE");
		assertThat(scheduled.get("template").get("name").asString()).isEqualTo("call-your-legislator");

		// The same event again (a replay after a restart, another instance): nothing new.
		BillStatusChanged replay = new BillStatusChanged(bill, "S4001", Chamber.SENATE, scheduled.get("historyId").asLong(),
				BillStatus.IN_SENATE_COMM, BillStatus.PASSED_SENATE, java.time.LocalDate.parse("2026-02-20"), ActsNext.ASSEMBLY,
				"api", null, Instant.parse(scheduled.get("changeRecordedAt").asString()));
		listener.on(replay);
		listener.on(replay);
		assertThat(blastsOf(auto)).hasSize(1);
		assertThat(blastsOf(approval)).hasSize(1);
	}

	@Test
	void theAssemblyPrintsChangeFiresATriggerOnTheBill() throws Exception {
		moveClockToDaytime();
		long bill = trackBill("S4002", "A4002", List.of(), List.of(), "PASSED_SENATE", null);
		long trigger = trigger(bill, "AUTO_SEND", List.of("PASSED_ASSEMBLY"));

		setStatus(bill, "PASSED_ASSEMBLY", null, "2026-03-01");

		assertThat(awaitOneBlast(trigger).get("toStatus").asString()).isEqualTo("PASSED_ASSEMBLY");
	}

	@Test
	void bothPrintsReReferredToCommitteeAreOneAlert() throws Exception {
		moveClockToDaytime();
		long bill = trackBill("S4003", "A4003", List.of(), List.of(), "INTRODUCED", "S4003");
		long trigger = trigger(bill, "AUTO_SEND", List.of("IN_SENATE_COMM", "IN_ASSEMBLY_COMM"));

		setStatus(bill, "IN_SENATE_COMM", null, "2026-01-07");
		setStatus(bill, "IN_ASSEMBLY_COMM", null, "2026-01-07");

		awaitOneBlast(trigger);
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> blastsOf(trigger).size() == 1);
	}

	@Test
	void aChangeRecordedInQuietHoursStartsWhenTheyEndInNewYork() throws Exception {
		// The next 22:30 in New York from wherever the clock is: the test does not depend on when it runs.
		ZonedDateTime now = clock.instant().atZone(NEW_YORK);
		ZonedDateTime evening = now.with(LocalTime.of(22, 30));
		if (!evening.isAfter(now)) {
			evening = evening.plusDays(1);
		}
		clock.advance(Duration.between(now, evening));
		long bill = trackBill("S4004", "A4004", List.of(), List.of(), "IN_SENATE_COMM", null);
		long trigger = trigger(bill, "AUTO_SEND", List.of("PASSED_SENATE"));

		setStatus(bill, "PASSED_SENATE", null, "2026-02-20");

		JsonNode blast = awaitOneBlast(trigger);
		ZonedDateTime start = Instant.parse(blast.get("startAt").asString()).atZone(NEW_YORK);
		assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
		assertThat(start.toLocalDate()).isEqualTo(evening.toLocalDate().plusDays(1));
		scheduler.runOnce();
		assertThat(state(blast)).isEqualTo("SCHEDULED");
		clock.advance(Duration.between(clock.instant(), start.toInstant().plusSeconds(60)));
		scheduler.runOnce();
		// READY now, or already taken up by the engine that the move woke.
		assertThat(moves(blast)).containsSubsequence("SCHEDULED by trigger:" + trigger, "READY by scheduler");
	}

	@Test
	void anAlertNotApprovedWithinItsSendByExpiresAndOneApprovedInTimeGoesOnTheHandoverQueue() throws Exception {
		moveClockToDaytime();
		long bill = trackBill("S4005", "A4005", List.of(), List.of(), "IN_SENATE_COMM", null);
		long late = trigger(bill, "NEEDS_APPROVAL", List.of("PASSED_SENATE"), Map.of("sendBy", "6h"));
		long prompt = trigger(bill, "NEEDS_APPROVAL", List.of("PASSED_SENATE"), Map.of("sendBy", "6h", "quietHours", false));
		setStatus(bill, "PASSED_SENATE", null, "2026-02-20");
		JsonNode expiring = awaitOneBlast(late);
		JsonNode approved = awaitOneBlast(prompt);

		var approval = adminSend("POST", "/api/v1/blasts/" + approved.get("id").asLong() + "/approve", null);
		assertThat(approval.statusCode()).isEqualTo(200);
		// Its start came long ago and it keeps no quiet hours: on the handover queue with the approval itself.
		assertThat(json.readTree(approval.body()).get("state").asString()).isEqualTo("READY");
		assertThat(moves(approved)).containsSubsequence("AWAITING_APPROVAL by trigger:" + prompt,
				"SCHEDULED by organizer:organizer", "READY by scheduler");

		clock.advance(Duration.ofHours(7));
		scheduler.runOnce();
		assertThat(state(expiring)).isEqualTo("EXPIRED");
		JsonNode refused = json.readTree(adminSend("POST", "/api/v1/blasts/" + expiring.get("id").asLong() + "/approve", null).body());
		assertThat(refused.get("status").asInt()).isEqualTo(409);
		assertThat(refused.get("state").asString()).isEqualTo("EXPIRED");
	}

	@Test
	void twoSchedulersRacingPutADueBlastOnTheHandoverQueueOnce() throws Exception {
		moveClockToDaytime();
		long bill = trackBill("S4006", "A4006", List.of(), List.of(), "IN_SENATE_COMM", null);
		// A delay, so that the blast is not due when made and only the schedulers' passes can queue it.
		long trigger = trigger(bill, "AUTO_SEND", List.of("PASSED_SENATE"), Map.of("quietHours", false, "delay", "10m"));
		setStatus(bill, "PASSED_SENATE", null, "2026-02-20");
		JsonNode made = awaitOneBlast(trigger);
		long id = made.get("id").asLong();
		assertThat(state(made)).isEqualTo("SCHEDULED");
		clock.advance(Duration.ofMinutes(11));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> passes = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				passes.add(pool.submit(() -> {
					go.await();
					return scheduler.runOnce();
				}));
			}
			go.countDown();
			for (Future<Integer> pass : passes) {
				pass.get();
			}
		}
		finally {
			pool.shutdown();
		}

		// Once on the queue (its row may be gone already: the engine the move woke takes it off when it starts).
		assertThat(count("SELECT COUNT(*) FROM blast_handover WHERE blast_id = " + id)).isLessThanOrEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM blast_state_changes WHERE blast_id = " + id + " AND to_state = 'READY'"))
			.isEqualTo(1);
	}

	/** Moves the clock forward to the next 11:00 in New York, outside quiet hours. */
	private void moveClockToDaytime() {
		// Below a microsecond too, as a real clock is: the database keeps microseconds.
		clock.advance(Duration.ofNanos(987));
		ZonedDateTime now = clock.instant().atZone(NEW_YORK);
		if (now.toLocalTime().isAfter(LocalTime.of(9, 0)) && now.toLocalTime().isBefore(LocalTime.of(14, 0))) {
			return;
		}
		ZonedDateTime morning = now.with(LocalTime.of(11, 0));
		clock.advance(Duration.between(now, morning.isAfter(now) ? morning : morning.plusDays(1)));
	}

	private long trigger(long bill, String mode, List<String> statuses) throws Exception {
		return trigger(bill, mode, statuses, Map.of());
	}

	private long trigger(long bill, String mode, List<String> statuses, Map<String, Object> more) throws Exception {
		Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("billId", bill, "statuses", statuses, "template",
				"call-your-legislator", "lists", List.of("supporters"), "mode", mode));
		body.putAll(more);
		var created = adminSend("POST", "/api/v1/triggers", json.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asLong();
	}

	private List<JsonNode> blastsOf(long trigger) throws Exception {
		return json.readTree(admin("/api/v1/blasts").body()).valueStream()
			.filter(blast -> blast.get("triggerId").asLong() == trigger)
			.toList();
	}

	private JsonNode awaitOneBlast(long trigger) throws Exception {
		Awaitility.await("a blast of trigger " + trigger).atMost(Duration.ofSeconds(20)).until(() -> !blastsOf(trigger).isEmpty());
		List<JsonNode> blasts = blastsOf(trigger);
		assertThat(blasts).hasSize(1);
		return blasts.getFirst();
	}

	/** The blast's state changes, oldest first, as "STATE by WHO". */
	private List<String> moves(JsonNode blast) throws Exception {
		return json.readTree(admin("/api/v1/blasts/" + blast.get("id").asLong()).body()).get("changes").valueStream()
			.map(change -> change.get("to").asString() + " by " + change.get("by").asString())
			.toList();
	}

	private String state(JsonNode blast) throws Exception {
		return json.readTree(admin("/api/v1/blasts/" + blast.get("id").asLong()).body()).get("state").asString();
	}

}
