package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * An organizer pauses, resumes and cancels a blast while it is being sent, on the database each subclass names,
 * through a relay slow enough (each message acknowledged a tenth of a second late, four connections) that a
 * blast of {@value #AUDIENCE} takes a few seconds; and the API's refusals of moves and pages it cannot make.
 */
abstract class OrganizerControlTests extends ScriptedRelaySupport {

	private static final Logger log = LoggerFactory.getLogger(OrganizerControlTests.class);

	static final int AUDIENCE = 100;

	static final Duration SLOW = Duration.ofMillis(100);

	@Test
	void pausingMidBlastStopsSendingWithinTheChunksInFlightAndResumingSendsTheRestWithNobodyGettingTwo() throws Exception {
		String slug = newList();
		List<String> audience = new ArrayList<>(members(slug, AUDIENCE - 1, "member"));
		// One of them the real way, confirmed through the link the relay carried.
		String signedUp = unique("signed-up");
		confirmedSupporter(signedUp, slug);
		audience.add(signedUp);
		int confirmationRcpts = rcpts(signedUp);
		smtp.dataDelay(SLOW);

		long blast = startBlast(slug, Map.of());
		Awaitility.await("the first message").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
			.until(() -> acceptedOfBlast(blast) > 0);
		JsonNode paused = move(blast, "pause", 200);
		long atPause = acceptedOfBlast(blast);

		assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
		assertThat(paused.get("pausedBy").asString()).isEqualTo("organizer");
		// The chunks in flight (one per worker) are finished and recorded; then the execution stops (STOPPED, to be restarted).
		Awaitility.await("the execution stopped").atMost(Duration.ofSeconds(20))
			.until(() -> List.of("STOPPED").equals(executions(blast)));
		long stopped = acceptedOfBlast(blast);
		log.info("Blast {}: {} sent when the pause was answered, {} when the execution stopped", blast, atPause, stopped);
		assertThat(stopped - atPause).isLessThanOrEqualTo((long) CHUNK * WORKERS);
		assertThat(stopped).isLessThan(AUDIENCE);
		Awaitility.await("nothing sent while paused").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
			.until(() -> acceptedOfBlast(blast) == stopped);
		assertThat(statuses(blast)).containsEntry("SENT", stopped).containsEntry("PENDING", AUDIENCE - stopped);

		assertThat(move(blast, "resume", 200).get("state").asString()).isEqualTo("SENDING");
		JsonNode sent = awaitState(blast, "SENT", Duration.ofSeconds(60));

		// The stopped execution was restarted (same job instance), not replaced by a new one that starts over. The
		// blast is SENT in the finish step; the execution is marked COMPLETED a moment later.
		Awaitility.await("the restart completed").atMost(Duration.ofSeconds(10))
			.until(() -> List.of("STOPPED", "COMPLETED").equals(executions(blast)));
		assertThat(sent.get("counts").get("sent").asLong()).isEqualTo(AUDIENCE);
		for (String member : audience) {
			assertThat(copies(member, blast)).as(member).isEqualTo(1);
			assertThat(rcpts(member)).as(member).isEqualTo(member.equals(signedUp) ? confirmationRcpts + 1 : 1);
		}
	}

	@Test
	void cancellingMidBlastRecordsTheUnsentAsSkippedCancelledAndSendsNothingAfter() throws Exception {
		String slug = newList();
		List<String> audience = members(slug, AUDIENCE, "member");
		smtp.dataDelay(SLOW);

		long blast = startBlast(slug, Map.of());
		Awaitility.await("the first message").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
			.until(() -> acceptedOfBlast(blast) > 0);
		assertThat(move(blast, "cancel", 200).get("state").asString()).isEqualTo("CANCELLED");
		long atCancel = acceptedOfBlast(blast);

		cancelledWithTheUnsentSkipped(blast, audience);
		// Not even the rest of the chunk that was going out when the cancel came: the answer waited for it.
		assertThat(acceptedOfBlast(blast)).as("accepted after the cancel was answered").isEqualTo(atCancel);
	}

	@Test
	void cancellingAPausedBlastRecordsItsUnsentAsSkippedCancelled() throws Exception {
		String slug = newList();
		List<String> audience = members(slug, AUDIENCE, "member");
		smtp.dataDelay(SLOW);
		long blast = startBlast(slug, Map.of());
		Awaitility.await("the first message").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
			.until(() -> acceptedOfBlast(blast) > 0);
		move(blast, "pause", 200);
		Awaitility.await("the execution stopped").atMost(Duration.ofSeconds(20))
			.until(() -> List.of("STOPPED").equals(executions(blast)));

		assertThat(move(blast, "cancel", 200).get("state").asString()).isEqualTo("CANCELLED");

		cancelledWithTheUnsentSkipped(blast, audience);
	}

	@Test
	void aPausedBlastWhoseSendByPassesEndsExpiredWithItsUnsentRecordsExpired() throws Exception {
		String slug = newList();
		members(slug, AUDIENCE, "member");
		smtp.dataDelay(SLOW);
		long blast = startBlast(slug, Map.of("sendBy", at(clock.instant().plusSeconds(60))));
		Awaitility.await("the first message").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
			.until(() -> acceptedOfBlast(blast) > 0);
		move(blast, "pause", 200);
		Awaitility.await("the execution stopped").atMost(Duration.ofSeconds(20))
			.until(() -> List.of("STOPPED").equals(executions(blast)));
		long sent = acceptedOfBlast(blast);

		clock.advance(Duration.ofSeconds(61));

		awaitState(blast, "EXPIRED", Duration.ofSeconds(20));
		assertThat(statuses(blast)).containsOnlyKeys("SENT", "EXPIRED").containsEntry("SENT", sent)
			.containsEntry("EXPIRED", AUDIENCE - sent);
		assertThat(acceptedOfBlast(blast)).isEqualTo(sent);
	}

	@Test
	void pausingASentBlastIsRefusedWithA409ProblemNamingItsState() throws Exception {
		String slug = newList();
		members(slug, 1, "member");
		long blast = startBlast(slug, Map.of());
		awaitState(blast, "SENT", Duration.ofSeconds(30));

		JsonNode problem = move(blast, "pause", 409);

		assertThat(problem.get("state").asString()).isEqualTo("SENT");
		assertThat(problem.get("detail").asString()).contains("SENT");
		assertThat(state(blast)).isEqualTo("SENT");
	}

	@Test
	void resumingACancelledBlastIsRefusedWithA409ProblemNamingItsState() throws Exception {
		String slug = newList();
		HttpResponse<String> created = send("POST", "/api/v1/blasts",
				json.writeValueAsString(Map.of("lists", List.of(slug), "quietHours", false)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long blast = json.readTree(created.body()).get("id").asLong();
		move(blast, "cancel", 200);

		JsonNode problem = move(blast, "resume", 409);

		assertThat(problem.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(problem.get("detail").asString()).contains("CANCELLED");
	}

	@Test
	void anUnknownBlastAndItsDeliveriesAreNotFoundProblems() throws Exception {
		for (String path : List.of("/api/v1/blasts/999999", "/api/v1/blasts/999999/deliveries")) {
			HttpResponse<String> response = admin(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json.readTree(response.body()).get("title").asString()).as(path).isEqualTo("No such blast");
		}
	}

	@Test
	void anUnknownStatusOrALimitOutOfRangeOnTheDeliveriesPageIsA400NamingTheField() throws Exception {
		String slug = newList();
		members(slug, 1, "member");
		long blast = startBlast(slug, Map.of());
		awaitState(blast, "SENT", Duration.ofSeconds(30));

		assertThat(badPage(blast, "status=BOUNCED").get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(badPage(blast, "limit=0").get("errors").get(0).get("field").asString()).isEqualTo("limit");
		assertThat(badPage(blast, "limit=1001").get("errors").get(0).get("field").asString()).isEqualTo("limit");
		// Not a number at all: Spring's own conversion refuses it, naming the parameter.
		assertThat(badPage(blast, "limit=many").get("detail").asString()).contains("'limit'");
	}

	private JsonNode badPage(long blast, String query) throws Exception {
		HttpResponse<String> response = admin("/api/v1/blasts/" + blast + "/deliveries?" + query);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).as(query)
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		return json.readTree(response.body());
	}

	private void cancelledWithTheUnsentSkipped(long blast, List<String> audience) throws Exception {
		Awaitility.await("every record closed").atMost(Duration.ofSeconds(20))
			.until(() -> deliveries(blast).stream().noneMatch(r -> r.get("status").asString().equals("PENDING")));
		long sent = acceptedOfBlast(blast);
		Awaitility.await("nothing sent after the cancel").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
			.until(() -> acceptedOfBlast(blast) == sent);

		assertThat(sent).isLessThan(AUDIENCE);
		assertThat(statuses(blast)).containsOnlyKeys("SENT", "SKIPPED").containsEntry("SENT", sent)
			.containsEntry("SKIPPED", AUDIENCE - sent);
		assertThat(deliveries(blast)).filteredOn(r -> r.get("status").asString().equals("SKIPPED"))
			.allSatisfy(r -> assertThat(r.get("reason").asString()).contains("cancelled"));
		assertThat(state(blast)).isEqualTo("CANCELLED");
		for (String member : audience) {
			assertThat(copies(member, blast)).as(member).isLessThanOrEqualTo(1);
		}
	}

	/** Records per status. */
	private Map<String, Long> statuses(long blast) throws Exception {
		return deliveries(blast).stream().collect(java.util.stream.Collectors.groupingBy(r -> r.get("status").asString(),
				java.util.stream.Collectors.counting()));
	}

	private JsonNode move(long blast, String move, int status) throws Exception {
		HttpResponse<String> response = send("POST", "/api/v1/blasts/" + blast + "/" + move, null);
		assertThat(response.statusCode()).as(move + ": " + response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

}
