package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

/**
 * The engine's own rate (callout.delivery.per-second) holds over a whole blast, drawn per chunk. Times are the test
 * clock's, which the buckets refill by.
 */
@H2Database
@TestPropertySource(properties = "callout.delivery.per-second=2")
class DeliveryRateTests extends DeliveryFlowSupport {

	@Test
	void noSecondOfTheBlastSendsMoreThanTheBucketAndItsRefillAllow() throws Exception {
		for (int i = 0; i < 8; i++) {
			supporter(unique("rate" + i), "Rae", "12207", "en");
		}
		long blast = startBlast(null, Map.of());
		// The test clock stands still unless moved: the buckets refill by it, 200 ms per look.
		org.awaitility.Awaitility.await("blast sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> {
				clock.advance(Duration.ofMillis(200));
				return "SENT".equals(blast(blast).get("state").asString());
			});

		List<Instant> sent = deliveries(blast, "SENT").stream().map(r -> Instant.parse(r.get("sentAt").asString())).sorted().toList();
		assertThat(sent).hasSizeGreaterThanOrEqualTo(8);
		// A bucket of 2 that refills 2 a second: at most 2 + 2 in any one second, and 8 take at least 3 s.
		for (Instant start : sent) {
			long inWindow = sent.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1))).count();
			assertThat(inWindow).as("sent in the second from %s", start).isLessThanOrEqualTo(4);
		}
		assertThat(Duration.between(sent.getFirst(), sent.getLast())).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
		JsonNode counts = blast(blast).get("counts");
		assertThat(counts.get("sent").asLong()).isEqualTo(sent.size());
	}

}
