package org.callout.campaigns.internal.blasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.campaigns.BlastBecameReady;
import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastResumed;
import org.callout.campaigns.CampaignFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A blast due when it is submitted goes on the handover queue at once, one that is not (quiet hours, a later start)
 * waits for the scheduler; and the moves that give the engine something to do say so with an event. Events are
 * recorded on the test's own thread, so the moves that must publish them are made here, not over HTTP.
 */
@H2Database
@TestPropertySource(properties = "callout.delivery.enabled=false") // no engine takes the blasts (BlastHandoverTests' context)
@RecordApplicationEvents
class BlastBecomesReadyTests extends CampaignFlowSupport {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	private BlastScheduler scheduler;

	@Autowired
	private BlastMoves moves;

	@Autowired
	private BlastHandover handover;

	@Autowired
	private ApplicationEvents events;

	@Test
	void aBlastSubmittedToStartNowIsOnTheHandoverQueueAtOnceWithoutASchedulerPass() throws Exception {
		long id = draft(Map.of("quietHours", false));

		JsonNode submitted = submit(id);

		assertThat(submitted.get("state").asString()).isEqualTo("READY");
		assertThat(queue()).contains(id);
		assertThat(lastChange(id)).isEqualTo("READY by scheduler: due when submitted");
	}

	@Test
	void aBlastThatKeepsQuietHoursSubmittedInThemWaitsForTheSchedulerAfterTheyEnd() throws Exception {
		moveClockTo(LocalTime.of(22, 30));
		long id = draft(Map.of("quietHours", true));

		assertThat(submit(id).get("state").asString()).isEqualTo("SCHEDULED");
		scheduler.runOnce();
		assertThat(state(id)).isEqualTo("SCHEDULED");

		moveClockTo(LocalTime.of(8, 1));
		scheduler.runOnce();
		assertThat(state(id)).isEqualTo("READY");
		assertThat(queue()).contains(id);
	}

	@Test
	void goingOnTheQueueAndAnOrganizersResumeWakeTheEngineButTheEnginesOwnMovesDoNot() throws Exception {
		LocalDateTime inAnHour = LocalDateTime.ofInstant(clock.instant(), NEW_YORK).plusHours(1).withNano(0);
		long id = draft(Map.of("quietHours", false, "startAt", inAnHour.toString()));
		assertThat(submit(id).get("state").asString()).isEqualTo("SCHEDULED");
		assertThat(readyEvents()).doesNotContain(id);

		clock.advance(Duration.ofHours(2));
		scheduler.runOnce();
		assertThat(readyEvents()).containsOnlyOnce(id);

		// The engine's own moves: it is already at work on the blast.
		handover.started(id);
		handover.pausedByRelay(id, "421 try later");
		handover.started(id);
		assertThat(resumedEvents()).doesNotContain(id);

		moves.move(id, BlastState.PAUSED, "organizer:test", "paused");
		moves.move(id, BlastState.SENDING, "organizer:test", "resumed");
		assertThat(resumedEvents()).containsExactly(id);
		assertThat(readyEvents()).containsOnlyOnce(id);
	}

	private long draft(Map<String, Object> extra) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("lists", List.of("supporters")));
		body.putAll(extra);
		HttpResponse<String> created = adminSend("POST", "/api/v1/blasts", json.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asLong();
	}

	private JsonNode submit(long id) throws Exception {
		HttpResponse<String> submitted = adminSend("POST", "/api/v1/blasts/" + id + "/submit", null);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		return json.readTree(submitted.body());
	}

	/** Forward to the next time of day in New York. */
	private void moveClockTo(LocalTime time) {
		ZonedDateTime now = clock.instant().atZone(NEW_YORK);
		ZonedDateTime then = now.with(time);
		clock.advance(Duration.between(now, then.isAfter(now) ? then : then.plusDays(1)));
	}

	private List<Long> readyEvents() {
		return events.stream(BlastBecameReady.class).map(BlastBecameReady::blastId).toList();
	}

	private List<Long> resumedEvents() {
		return events.stream(BlastResumed.class).map(BlastResumed::blastId).toList();
	}

	private List<Long> queue() throws Exception {
		return json.readTree(admin("/api/v1/blasts/handover").body()).valueStream().map(JsonNode::asLong).toList();
	}

	private String state(long id) throws Exception {
		return json.readTree(admin("/api/v1/blasts/" + id).body()).get("state").asString();
	}

	private String lastChange(long id) throws Exception {
		JsonNode change = json.readTree(admin("/api/v1/blasts/" + id).body()).get("changes").valueStream().toList().getLast();
		return change.get("to").asString() + " by " + change.get("by").asString() + ": " + change.get("note").asString();
	}

}
