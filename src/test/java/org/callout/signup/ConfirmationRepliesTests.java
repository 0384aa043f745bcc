package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.callout.support.H2Database;
import org.callout.support.ApiSignups;
import org.callout.support.MutableClock;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the confirmation sender does with the relay's answers, from a scripted SMTP server on loopback: a final
 * refusal of the address is attempted once and recorded, a 4xx is retried after its backoff, and a relay
 * fault marks nothing failed, shows in health and ends with a probe that gets through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callout.mail.transport=smtp", "callout.mail.smtp.host=127.0.0.1",
				"callout.signup.queue-poll-interval=300ms", "callout.mail.relay.relay-fault-first-pause=300ms",
				"callout.signup.rate-limit.per-ip-per-hour=100000" })
@H2Database
@Import(ConfirmationRepliesTests.Clocks.class)
class ConfirmationRepliesTests {

	static final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("callout.mail.smtp.port", smtp::port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

	@AfterAll
	static void stopSmtp() {
		smtp.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void relayAcceptsEverything() {
		smtp.script(line -> null);
	}

	@Test
	void aConfirmationRefusedWith550And511IsAttemptedOnceAndTheReplyIsRecorded() throws Exception {
		String gone = unique("gone");
		smtp.script(line -> line.contains(gone) ? "550 5.1.1 <" + gone + ">: Recipient address rejected: User unknown" : null);

		signUp(gone);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> row(gone).get("refused_at") != null);
		clock.advance(Duration.ofHours(2));
		String later = unique("later");
		signUp(later);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.receivedFor(later) == 1);
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> smtp.attemptsFor(gone).size() == 1);

		Map<String, Object> row = row(gone);
		assertThat(row.get("last_reply").toString()).startsWith("550 5.1.1 <" + gone + ">: Recipient address rejected");
		assertThat(row.get("sent_at")).isNull();
		assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
	}

	@Test
	void aConfirmationDeferredWith451IsRetriedOnlyAfterItsBackoff() throws Exception {
		String busy = unique("busy");
		AtomicInteger tries = new AtomicInteger();
		smtp.script(line -> line.contains(busy) && tries.incrementAndGet() == 1 ? "451 4.3.0 Mailbox busy, try again later" : null);

		signUp(busy);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) row(busy).get("attempts")).intValue() == 1);
		Map<String, Object> deferred = row(busy);
		assertThat(deferred.get("last_reply").toString()).startsWith("451 4.3.0");
		assertThat(Duration.between(clock.instant(), ((OffsetDateTime) deferred.get("next_attempt_at")).toInstant()).toMillis())
			.isBetween(29_999L, 30_001L);
		String other = unique("other");
		signUp(other);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.receivedFor(other) == 1);
		assertThat(smtp.attemptsFor(busy)).hasSize(1);

		clock.advance(Duration.ofSeconds(31));

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.receivedFor(busy) == 1);
		assertThat(smtp.attemptsFor(busy)).hasSize(2);
	}

	@Test
	void aRelayFaultMarksNothingFailedShowsInHealthAndSendingResumesWithAProbeOnceTheRelayAccepts() throws Exception {
		smtp.script(line -> line.startsWith("MAIL FROM") ? "550 5.7.1 Sender address not allowed for this account" : null);
		String waiting = unique("waiting");

		signUp(waiting);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> health().contains("paused"));
		assertThat(health()).contains("\"status\":\"UP\"").contains("550 5.7.1 Sender address not allowed");
		Map<String, Object> row = row(waiting);
		assertThat(((Number) row.get("attempts")).intValue()).isZero();
		assertThat(row.get("refused_at")).isNull();

		// The row that met the fault steps back 30 s without an attempt counted (so one address's own policy
		// refusal cannot block the queue as its oldest row).
		assertThat(((OffsetDateTime) row.get("next_attempt_at")).toInstant()).isAfter(clock.instant());
		smtp.script(line -> null);
		clock.advance(Duration.ofSeconds(31));

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.receivedFor(waiting) == 1);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !health().contains("paused"));
	}

	private Map<String, Object> row(String address) {
		return jdbc.sql("SELECT q.* FROM confirmation_queue q JOIN subscribers s ON s.id = q.subscriber_id WHERE s.email_key = :key")
			.param("key", address)
			.query()
			.singleRow()
			.entrySet()
			.stream()
			.collect(java.util.HashMap::new, (map, e) -> map.put(e.getKey().toLowerCase(), e.getValue()), Map::putAll);
	}

	private String health() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
	}

	private void signUp(String address) throws Exception {
		ApiSignups.signUp(port, address);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
