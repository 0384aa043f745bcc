package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A relay that fails as a whole (a refused login, a refused sender, no relay at all) is not the recipients'
 * fault: the blast is paused by the relay with the reason in its changes, nobody's record is failed or even
 * counted as tried, and once the relay works again the blast resumes by itself and everyone gets exactly one
 * message. Each test starts with the relay refusing, so that its first chunk meets the fault.
 */
@H2Database
class RelayFaultTests extends ScriptedRelaySupport {

	private static final Logger log = LoggerFactory.getLogger(RelayFaultTests.class);

	/** Two chunks and a half: the fault is met by a whole chunk, and the rest waits behind it. */
	private static final int AUDIENCE = 50;

	@Test
	void aRefusedLoginPausesTheBlastForTheRelayFailsNobodyAndItResumesByItselfWhenTheLoginWorksAgain() throws Exception {
		String slug = newList();
		List<String> members = members(slug, AUDIENCE, "member");
		smtp.script(line -> line.startsWith("AUTH") ? "535 5.7.8 Error: authentication failed: bad password" : null);

		long blast = startBlast(slug, Map.of());

		pausedByTheRelayWithNothingTried(blast, "535 5.7.8");
		smtp.script(line -> null);
		resumesByItselfAndSendsEachOnce(blast, members, "the login works again");
	}

	@Test
	void aRefusedSenderAddressPausesTheBlastForTheRelayAndSuppressesNoRecipient() throws Exception {
		String slug = newList();
		List<String> members = members(slug, AUDIENCE, "member");
		// 5.1.8 is "bad sender's domain": an address code, but for MAIL FROM, so it says nothing of the recipients.
		smtp.script(line -> line.startsWith("MAIL FROM")
				? "553 5.1.8 <bounces@example.org>: Sender address rejected: Domain not found" : null);

		long blast = startBlast(slug, Map.of());

		pausedByTheRelayWithNothingTried(blast, "553 5.1.8");
		assertThat(admin("/api/v1/suppressions?email=" + members.getFirst()).statusCode()).isEqualTo(404);
		smtp.script(line -> null);
		resumesByItselfAndSendsEachOnce(blast, members, "the sender is accepted again");
	}

	@Test
	void aRelayThatIsDownPausesTheBlastForTheRelayFailsNobodyAndItResumesByItselfWhenTheRelayIsBack() throws Exception {
		String slug = newList();
		List<String> members = members(slug, AUDIENCE, "member");
		smtp.down();

		long blast = startBlast(slug, Map.of());

		pausedByTheRelayWithNothingTried(blast, "connect");
		smtp.up();
		resumesByItselfAndSendsEachOnce(blast, members, "the relay is back");
	}

	private void pausedByTheRelayWithNothingTried(long blast, String reply) throws Exception {
		JsonNode paused = awaitState(blast, "PAUSED", Duration.ofSeconds(30));
		assertThat(paused.get("pausedBy").asString()).isEqualTo("relay");
		JsonNode change = paused.get("changes").get(paused.get("changes").size() - 1);
		assertThat(change.get("to").asString()).isEqualTo("PAUSED");
		assertThat(change.get("by").asString()).isEqualTo("relay");
		assertThat(change.get("note").asString()).startsWith("the relay refused or failed").contains(reply);
		// The probes that follow keep failing: still nobody is failed, deferred or counted as tried.
		long commitsBefore = sendCommits(blast);
		Instant watched = Instant.now();
		Awaitility.await("nothing tried while the relay fails").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> "PAUSED".equals(state(blast))
					&& deliveries(blast).stream().allMatch(r -> r.get("status").asString().equals("PENDING") && r.get("attempts").asInt() == 0));
		assertThat(acceptedOfBlast(blast)).isZero();
		// One probe per poll interval (200 ms here), not a loop: each is a claim, an email made and a Batch commit.
		long probes = sendCommits(blast) - commitsBefore;
		long allowed = Duration.between(watched, Instant.now()).toMillis() / 200 + 2;
		log.info("Blast {}: {} probes in {} ms while the relay failed", blast, probes, Duration.between(watched, Instant.now()).toMillis());
		assertThat(probes).isBetween(1L, allowed);
	}

	private void resumesByItselfAndSendsEachOnce(long blast, List<String> members, String what) throws Exception {
		Instant fixed = Instant.now();
		Awaitility.await("a first message after " + what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
			.until(() -> acceptedOfBlast(blast) > 0);
		Duration firstMessage = Duration.between(fixed, Instant.now());
		JsonNode sent = awaitState(blast, "SENT", Duration.ofSeconds(60));
		log.info("Blast {}: first message {} ms after {}, SENT {} ms after", blast, firstMessage.toMillis(), what,
				Duration.between(fixed, Instant.now()).toMillis());

		assertThat(sent.get("changes")).anySatisfy(change -> {
			assertThat(change.get("from").asString()).isEqualTo("PAUSED");
			assertThat(change.get("to").asString()).isEqualTo("SENDING");
			assertThat(change.get("by").asString()).isEqualTo("engine");
		});
		JsonNode counts = sent.get("counts");
		assertThat(counts.get("sent").asLong()).isEqualTo(members.size());
		assertThat(counts.get("failed").asLong()).isZero();
		assertThat(counts.get("deferred").asLong()).isZero();
		assertThat(deliveries(blast)).allSatisfy(r -> assertThat(r.get("attempts").asInt()).isEqualTo(1));
		for (String member : members) {
			assertThat(copies(member, blast)).as(member).isEqualTo(1);
		}
	}

}
