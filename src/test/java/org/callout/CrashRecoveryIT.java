package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.callout.support.ScriptedSmtpServer;
import org.callout.support.ServiceProcess;
import org.callout.support.TrainedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar (started extracted with its trained AOT cache, {@link TrainedJar}: the same classes, faster) on
 * its embedded H2 default, sending confirmations through SMTP to a loopback server, killed
 * with {@code kill -9} right after a burst of signups was acknowledged, then restarted on the same data
 * directory: every acknowledged signup and its consent record is still there, every address gets its
 * confirmation soon (no waiting for a claim to expire), and no more are sent twice than were in flight.
 */
class CrashRecoveryIT {

	static final int SIGNUPS = 80;

	static final int POOL_SIZE = 4;

	@TempDir
	Path installDir;

	final ScriptedSmtpServer smtp = ScriptedSmtpServer.start().dataDelay(Duration.ofMillis(250));

	final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stopSmtp() {
		smtp.close();
	}

	@Test
	void afterKill9DuringABurstEveryAcknowledgedSignupIsKeptAndConfirmedWithNoMoreDuplicatesThanWereInFlight()
			throws Exception {
		FileSystemUtils.copyRecursively(Path.of("config"), installDir.resolve("config"));
		FileSystemUtils.copyRecursively(Path.of("templates"), installDir.resolve("templates"));
		Map<String, String> environment = Map.of("CALLOUT_MAIL_TRANSPORT", "smtp", "CALLOUT_MAIL_SMTP_HOST", "127.0.0.1",
				"CALLOUT_MAIL_SMTP_PORT", String.valueOf(smtp.port()), "CALLOUT_MAIL_SMTP_SECURITY", "none",
				"CALLOUT_SIGNUP_RATELIMIT_PERIPPERHOUR", "100000", "CALLOUT_SIGNUP_QUEUEPOLLINTERVAL", "1s",
				"CALLOUT_MAIL_SMTP_POOLSIZE", String.valueOf(POOL_SIZE));
		List<String> acknowledged;
		int sentBeforeKill;
		try (ServiceProcess service = TrainedJar.of(PackagedJarIT.JAR).start(installDir, environment).awaitHealthy()) {
			acknowledged = signUpAll(service);
			service.kill();
			sentBeforeKill = smtp.received().size();
		}
		assertThat(acknowledged).hasSize(SIGNUPS);
		assertThat(sentBeforeKill).as("killed while confirmations were still going out").isLessThan(SIGNUPS);

		try (ServiceProcess again = TrainedJar.of(PackagedJarIT.JAR).start(installDir, environment).awaitHealthy()) {
			long restarted = System.nanoTime();
			Awaitility.await("every address confirmed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> acknowledged.stream().allMatch(a -> smtp.receivedFor(a) >= 1));
			double drainSeconds = (System.nanoTime() - restarted) / 1e9;
			long duplicates = acknowledged.stream().mapToLong(a -> smtp.receivedFor(a) - 1).sum();
			System.out.printf("crash recovery: %d acknowledged, %d sent before kill -9, %d duplicates after restart, "
					+ "all confirmed %.1f s after the restarted service was healthy%n", acknowledged.size(), sentBeforeKill, duplicates, drainSeconds);
			assertThat(duplicates).as("resent: at most one in flight per SMTP connection").isLessThanOrEqualTo(POOL_SIZE);
			assertThat(again.log()).contains("Took back");
			assertThat(again.interrupt()).isIn(0, 130);
		}

		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + installDir.resolve("data/db/callout") + ";MODE=PostgreSQL", "sa", "")) {
			for (String address : acknowledged) {
				assertThat(count(db, "SELECT COUNT(*) FROM subscribers WHERE email_key = ?", address)).as(address).isEqualTo(1);
				assertThat(count(db, "SELECT COUNT(*) FROM consent_events e JOIN subscribers s ON s.id = e.subscriber_id "
						+ "WHERE s.email_key = ? AND e.kind = 'GRANTED'", address)).as(address).isEqualTo(1);
			}
			assertThat(count(db, "SELECT COUNT(*) FROM confirmation_queue WHERE sent_at IS NULL OR claimed_by IS NOT NULL", null)).isZero();
		}
	}

	private List<String> signUpAll(ServiceProcess service) throws Exception {
		String terms = json.readTree(service.get("/api/v1/terms").body()).get("versionId").asString();
		List<Future<String>> answers = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
			for (String address : IntStream.range(0, SIGNUPS).mapToObj(i -> "crash" + i + "@example.org").toList()) {
				answers.add(clients.submit(() -> {
					int status = signUp(service, address, terms);
					if (status != 202) {
						// Said, so a refused signup in a failed run shows why.
						System.out.printf("crash recovery: signup of %s answered %d before the kill%n", address, status);
					}
					return status == 202 ? address : null;
				}));
			}
		}
		List<String> acknowledged = new ArrayList<>();
		for (Future<String> answer : answers) {
			if (answer.get() != null) {
				acknowledged.add(answer.get());
			}
		}
		return acknowledged;
	}

	private int signUp(ServiceProcess service, String address, String terms) throws IOException, InterruptedException {
		String body = json.writeValueAsString(Map.of("email", address, "firstName", "Ana", "lastName", "Pérez", "zip", "10004",
				"termsVersion", terms, "consent", true));
		HttpResponse<String> answer = service.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/signups"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		return answer.statusCode();
	}

	private static long count(Connection db, String sql, String parameter) throws Exception {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
