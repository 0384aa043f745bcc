package org.callout.campaigns.internal.blasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.CampaignFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** What the sending engine will do with a READY blast, through the one interface it gets. */
@H2Database
@TestPropertySource(properties = "callout.delivery.enabled=false") // these tests play the engine themselves
class BlastHandoverTests extends CampaignFlowSupport {

	@Autowired
	private BlastHandover handover;

	@Autowired
	private BlastScheduler scheduler;

	@Test
	void aReadyBlastIsClaimedOnceStartedPausedAndResumedAndAnOrganizersPauseIsNotLiftedByTheEngine() throws Exception {
		long id = readyBlast();

		BlastHandover.ReadyBlast claimed = handover.claim("instance-a").orElseThrow();
		assertThat(claimed.blastId()).isEqualTo(id);
		assertThat(handover.claim("instance-b")).isEmpty();
		assertThat(queue()).doesNotContain(id);

		handover.started(id);
		assertThat(state(id)).isEqualTo("SENDING");
		handover.pausedByRelay(id, null);
		assertThat(blast(id).get("pausedBy").asString()).isEqualTo("relay");
		handover.started(id);
		assertThat(state(id)).isEqualTo("SENDING");

		assertThat(adminSend("POST", "/api/v1/blasts/" + id + "/pause", null).statusCode()).isEqualTo(200);
		assertThat(blast(id).get("pausedBy").asString()).isEqualTo("organizer");
		// The engine's report is a no-op here: only an organizer resumes what an organizer paused.
		handover.started(id);
		handover.pausedByRelay(id, null);
		assertThat(state(id)).isEqualTo("PAUSED");
		assertThat(blast(id).get("pausedBy").asString()).isEqualTo("organizer");
		assertThat(adminSend("POST", "/api/v1/blasts/" + id + "/resume", null).statusCode()).isEqualTo(200);
		handover.finished(id);
		assertThat(state(id)).isEqualTo("SENT");
		HttpResponse<String> pauseSent = adminSend("POST", "/api/v1/blasts/" + id + "/pause", null);
		assertThat(pauseSent.statusCode()).isEqualTo(409);
		assertThat(json.readTree(pauseSent.body()).get("state").asString()).isEqualTo("SENT");
	}

	@Test
	void aClaimNeverStartedOnIsGivenBackAfterTheClaimsExpiry() throws Exception {
		long id = readyBlast();
		assertThat(handover.claim("dying-instance").orElseThrow().blastId()).isEqualTo(id);

		clock.advance(Duration.ofMinutes(2));
		scheduler.runOnce();

		assertThat(queue()).contains(id);
		assertThat(handover.claim("other-instance").orElseThrow().blastId()).isEqualTo(id);
	}

	private long readyBlast() throws Exception {
		// Send-by far ahead: the clock moves in these tests.
		HttpResponse<String> created = adminSend("POST", "/api/v1/blasts", json.writeValueAsString(Map.of("lists",
				List.of("supporters"), "quietHours", false)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();
		assertThat(adminSend("POST", "/api/v1/blasts/" + id + "/submit", null).statusCode()).isEqualTo(200);
		scheduler.runOnce();
		assertThat(state(id)).isEqualTo("READY");
		// Other tests' blasts may be on the queue too: take them off, so claims here see this one.
		while (queue().getFirst() != id) {
			long other = queue().getFirst();
			adminSend("POST", "/api/v1/blasts/" + other + "/cancel", null);
		}
		return id;
	}

	private List<Long> queue() throws Exception {
		return json.readTree(admin("/api/v1/blasts/handover").body()).valueStream().map(JsonNode::asLong).toList();
	}

	private JsonNode blast(long id) throws Exception {
		return json.readTree(admin("/api/v1/blasts/" + id).body());
	}

	private String state(long id) throws Exception {
		return blast(id).get("state").asString();
	}

}
