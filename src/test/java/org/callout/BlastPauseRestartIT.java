package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.callout.support.CountingSmtpSink;
import org.callout.support.JarBlastDatabase;
import org.callout.support.OrganizerApi;
import org.callout.support.PostgresAvailableCondition;
import org.callout.support.ServiceProcess;
import org.callout.support.TrainedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * An organizer pauses a blast of {@value #RECIPIENTS} the packaged jar is sending on PostgreSQL, the service is
 * restarted while it is paused, then the blast is resumed and cancelled. The sink counts per recipient: nobody gets
 * two, nothing goes while it is paused (across the restart too), and nothing after the cancel was answered.
 */
@ExtendWith(PostgresAvailableCondition.class)
class BlastPauseRestartIT {

	static final int RECIPIENTS = 2000;

	static final int CHUNK = 50;

	static final int WORKERS = 2;

	static final int PARALLELISM = 2;

	/** Each message acknowledged this late: two connections then send up to two hundred a second. */
	static final Duration RELAY_LATENCY = Duration.ofMillis(10);

	static final String INSTANCE = "pause-test-instance";

	@TempDir
	Path installDir;

	final CountingSmtpSink sink = CountingSmtpSink.start().dataDelay(RELAY_LATENCY);

	JarBlastDatabase database;

	@AfterEach
	void stopSink() {
		sink.close();
		if (database != null) {
			database.close();
		}
	}

	@Test
	void pausedAcrossARestartThenResumedAndCancelledNobodyGetsTwoAndNothingGoesWhilePausedOrAfterTheCancel()
			throws Exception {
		FileSystemUtils.copyRecursively(Path.of("config"), installDir.resolve("config"));
		FileSystemUtils.copyRecursively(Path.of("templates"), installDir.resolve("templates"));
		database = JarBlastDatabase.fresh();
		long blast;
		int atPause;
		int stopped;
		try (ServiceProcess service = start()) {
			List<String> audience = database.members("pause", RECIPIENTS);
			OrganizerApi organizer = new OrganizerApi(service, JarBlastDatabase.ADMIN_TOKEN);
			blast = organizer.startBlast(List.of("supporters"));
			// Half a chunk past a chunk's boundary, so that the pause comes while a chunk is being sent.
			awaitSink(RECIPIENTS / 5 + CHUNK / 2);

			assertThat(organizer.move(blast, "pause").get("state").asString()).isEqualTo("PAUSED");
			atPause = sink.total();
			// The chunks in flight (one per worker) are sent and recorded, then the execution stops (STOPPED, to be restarted).
			Awaitility.await("the execution stopped").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
				.until(() -> List.of("STOPPED").equals(database.executions(blast, INSTANCE)));
			stopped = sink.total();
			nothingSentFor(Duration.ofSeconds(2));
			assertThat(database.sentAddresses(blast)).hasSize(stopped);
			assertThat(audience).hasSize(RECIPIENTS);
			assertThat(service.interrupt()).isIn(0, 130);
		}

		int resumedAt;
		int atCancel;
		try (ServiceProcess service = start()) {
			OrganizerApi organizer = new OrganizerApi(service, JarBlastDatabase.ADMIN_TOKEN);
			// Restarted while paused: it must not take the blast up again on its own.
			nothingSentFor(Duration.ofSeconds(3));
			assertThat(database.blastState(blast)).isEqualTo("PAUSED");
			assertThat(database.executions(blast, INSTANCE)).containsExactly("STOPPED");

			assertThat(organizer.move(blast, "resume").get("state").asString()).isEqualTo("SENDING");
			resumedAt = sink.total();
			awaitSink(resumedAt + RECIPIENTS / 5 + CHUNK / 2);
			assertThat(organizer.move(blast, "cancel").get("state").asString()).isEqualTo("CANCELLED");
			atCancel = sink.total();
			Awaitility.await("every record closed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
				.until(() -> !database.statuses(blast).containsKey("PENDING"));
			nothingSentFor(Duration.ofSeconds(2));
			assertThat(service.interrupt()).isIn(0, 130);
		}
		int last = sink.total();
		Map<String, Integer> received = sink.perRecipient();
		Set<String> sent = database.sentAddresses(blast);
		System.out.printf("pause and restart: %d recipients; %d sent when the pause was answered, %d when the execution "
				+ "stopped, %d at the resume after the restart, %d when the cancel was answered, %d in the end; records %s%n",
				RECIPIENTS, atPause, stopped, resumedAt, atCancel, last, database.statuses(blast));

		assertThat(received.values()).as("nobody got two").allSatisfy(count -> assertThat(count).isEqualTo(1));
		assertThat(received.keySet()).as("the sink got exactly those recorded SENT").isEqualTo(new HashSet<>(sent));
		assertThat(stopped - atPause).as("sent after the pause was answered: the chunks in flight at most, one per worker")
			.isLessThanOrEqualTo(CHUNK * WORKERS);
		assertThat(resumedAt).as("nothing sent while paused, across the restart").isEqualTo(stopped);
		assertThat(last).as("sent after the cancel was answered").isEqualTo(atCancel);
		assertThat(database.statuses(blast)).containsOnlyKeys("SENT", "SKIPPED")
			.containsEntry("SENT", (long) last).containsEntry("SKIPPED", (long) (RECIPIENTS - last));
		assertThat(database.blastState(blast)).isEqualTo("CANCELLED");
	}

	private ServiceProcess start() throws Exception {
		Map<String, String> settings = new HashMap<>();
		settings.put("CALLOUT_DELIVERY_POLLINTERVAL", "500ms");
		settings.put("CALLOUT_CAMPAIGNS_SCHEDULERINTERVAL", "1s");
		settings.put("CALLOUT_DELIVERY_CHUNKSIZE", String.valueOf(CHUNK));
		settings.put("CALLOUT_DELIVERY_WORKERS", String.valueOf(WORKERS));
		settings.put("CALLOUT_DELIVERY_PARALLELISM", String.valueOf(PARALLELISM));
		settings.put("CALLOUT_MAIL_SMTP_POOLSIZE", String.valueOf(PARALLELISM));
		long started = System.nanoTime();
		ServiceProcess service = TrainedJar.of(PackagedJarIT.JAR).start(installDir,
				database.environment(INSTANCE, sink.port(), settings)).awaitHealthy();
		System.out.printf("pause and restart: started in %.1f s%n", (System.nanoTime() - started) / 1e9);
		return service;
	}

	private void awaitSink(int count) {
		Awaitility.await("the sink passing " + count).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
			.until(() -> sink.total() >= count);
	}

	private void nothingSentFor(Duration quiet) {
		int now = sink.total();
		Awaitility.await("nothing sent for " + quiet).during(quiet).atMost(quiet.plusSeconds(2))
			.pollInterval(Duration.ofMillis(100)).until(() -> sink.total() == now);
	}

}
