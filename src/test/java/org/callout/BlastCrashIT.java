package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * One blast of {@value #RECIPIENTS} on PostgreSQL, sent by the packaged jar into a loopback sink that counts per
 * recipient, crashed at six points of the same blast and restarted on the same database each time: inside the
 * snapshot's first transaction, inside a later slice's (the first slice being sent meanwhile) and inside the finish
 * step's (the service halts itself there, as abruptly as kill -9:
 * {@code callout.delivery.test.halt-at}), and by a real {@code kill -9} from outside early, midway and late in
 * sending. After the last restart everyone has exactly one SENT record and got the message, and the only ones who
 * got it twice were in flight at a kill: accepted by the sink but not recorded SENT when the process died. The
 * engine records a chunk's outcomes when the chunk commits, and one instance sends one chunk per worker at a time, so
 * that is at most {@value #CHUNK} times {@value #WORKERS} per kill.
 */
@ExtendWith(PostgresAvailableCondition.class)
class BlastCrashIT {

	// The blast and the engine's settings, at the top: the engine's speed decides how long this takes (printed).
	static final int RECIPIENTS = 20_000;

	static final int CHUNK = 50;

	static final int WORKERS = 2;

	static final int PARALLELISM = 4;

	// The snapshot's slices: the first written with the move to SENDING, the rest beside the senders.
	static final int FIRST_SLICE = 1_000;

	static final int SLICE = 5_000;

	/** The outside kills, as shares of the audience the sink has seen. */
	static final List<Double> KILLS_WHILE_SENDING = List.of(0.10, 0.50, 0.85);

	static final String INSTANCE = "crash-test-instance";

	/** What one crash left: the sink's and the records' view when the process was gone. */
	record Crash(String point, int sinkAtKill, int sentAtKill, Set<String> inFlight) {
	}

	@TempDir
	Path installDir;

	final CountingSmtpSink sink = CountingSmtpSink.start();

	final List<String> startUps = new ArrayList<>();

	JarBlastDatabase database;

	@AfterEach
	void stopSink() {
		sink.close();
		if (database != null) {
			database.close();
		}
	}

	@Test
	void killedAtSixPointsOfOneBlastEveryoneHasOneSentRecordAndOnlyThoseInFlightAtAKillGotTwo() throws Exception {
		FileSystemUtils.copyRecursively(Path.of("config"), installDir.resolve("config"));
		FileSystemUtils.copyRecursively(Path.of("templates"), installDir.resolve("templates"));
		database = JarBlastDatabase.fresh();
		TrainedJar.of(PackagedJarIT.JAR); // Trained once for every test of this run, before the clock starts.
		long began = System.nanoTime();
		List<Crash> crashes = new ArrayList<>();

		long blast;
		List<String> audience;
		try (ServiceProcess service = start("snapshot")) {
			audience = database.members("crash", RECIPIENTS);
			blast = new OrganizerApi(service, JarBlastDatabase.ADMIN_TOKEN).startBlast(List.of("supporters"));
			halted(service, "snapshot", Duration.ofSeconds(60));
		}
		crashes.add(crash("snapshot (halt)", blast));
		// The snapshot's transaction died with the process: no record written, the blast still READY.
		assertThat(database.statuses(blast)).isEmpty();
		assertThat(database.blastState(blast)).isEqualTo("READY");

		try (ServiceProcess service = start("snapshot-slice")) {
			halted(service, "snapshot-slice", Duration.ofSeconds(60));
		}
		crashes.add(crash("snapshot slice (halt)", blast));
		// The first slice committed with the move to SENDING, and sending began; the next slice died uncommitted.
		assertThat(database.statuses(blast).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(FIRST_SLICE);
		assertThat(database.blastState(blast)).isEqualTo("SENDING");

		for (double share : KILLS_WHILE_SENDING) {
			// Half a chunk past the share: sink counts on a chunk's boundary would mostly kill between chunks.
			int at = (int) (RECIPIENTS * share) + CHUNK / 2;
			try (ServiceProcess service = start("")) {
				Awaitility.await("the sink passing " + at).atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(5))
					.until(() -> {
						if (!service.alive()) {
							throw new IllegalStateException("The service died on its own:\n" + service.log());
						}
						return sink.total() >= at;
					});
				service.kill();
			}
			Crash crash = crash("kill -9 at " + Math.round(share * 100) + "%", blast);
			crashes.add(crash);
			assertThat(crash.sentAtKill()).as("killed while sending").isLessThan(RECIPIENTS);
		}

		try (ServiceProcess service = start("finish")) {
			halted(service, "finish", Duration.ofMinutes(6));
		}
		crashes.add(crash("finish (halt)", blast));
		// Everyone was sent to, but the finish's transaction died: the run is not marked finished, the blast not SENT.
		assertThat(database.statuses(blast)).isEqualTo(Map.of("SENT", (long) RECIPIENTS));
		assertThat(database.runFinishedAt(blast)).isNull();
		assertThat(database.blastState(blast)).isEqualTo("SENDING");

		try (ServiceProcess service = start("")) {
			Awaitility.await("the blast SENT").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
				.until(() -> "SENT".equals(database.blastState(blast)));
			assertThat(service.interrupt()).isIn(0, 130);
		}
		double seconds = (System.nanoTime() - began) / 1e9;

		Map<String, Integer> received = sink.perRecipient();
		Set<String> twice = new HashSet<>();
		received.forEach((address, count) -> {
			if (count > 1) {
				twice.add(address);
			}
		});
		Set<String> inFlightAtSomeKill = new HashSet<>();
		crashes.forEach(crash -> inFlightAtSomeKill.addAll(crash.inFlight()));
		System.out.printf("blast crash: %d recipients, chunk %d, workers %d, parallelism %d, %.1f s in all; start-ups: %s%n",
				RECIPIENTS, CHUNK, WORKERS, PARALLELISM, seconds, String.join(", ", startUps));
		for (Crash crash : crashes) {
			System.out.printf("blast crash: %-22s sink %6d, SENT records %6d, in flight %3d, got two %3d%n", crash.point(),
					crash.sinkAtKill(), crash.sentAtKill(), crash.inFlight().size(),
					crash.inFlight().stream().filter(twice::contains).count());
		}
		long sendingSeconds = sink.perSecond().size();
		System.out.printf("blast crash: %d messages at the sink for %d recipients; %d got two; sending took %d s "
				+ "(seconds with a message), %.0f/s%n", sink.total(), received.size(), twice.size(), sendingSeconds,
				(double) sink.total() / sendingSeconds);

		assertThat(database.sentRecordsPerAddress(blast)).hasSize(RECIPIENTS).allSatisfy((address, records) ->
				assertThat(records).as(address).isEqualTo(1L));
		assertThat(database.statuses(blast)).isEqualTo(Map.of("SENT", (long) RECIPIENTS));
		assertThat(received.keySet()).as("the sink got every recipient, and nobody else").isEqualTo(new HashSet<>(audience));
		assertThat(twice).as("only those in flight at a kill got two").isSubsetOf(inFlightAtSomeKill);
		received.forEach((address, count) -> assertThat(count).as(address)
			.isLessThanOrEqualTo(1 + (int) crashes.stream().filter(crash -> crash.inFlight().contains(address)).count()));
		assertThat(crashes).allSatisfy(crash -> assertThat(crash.inFlight()).as(crash.point())
			.hasSizeLessThanOrEqualTo(CHUNK * WORKERS));
		// Each crash left its execution STARTED; each restart recovered it (FAILED) and restarted the job instance.
		assertThat(database.executions(blast, INSTANCE)).containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "FAILED",
				"FAILED", "COMPLETED");
	}

	private ServiceProcess start(String haltAt) throws Exception {
		Map<String, String> settings = new HashMap<>();
		settings.put("CALLOUT_CLAIMS_HEARTBEATINTERVAL", "1s");
		settings.put("CALLOUT_CLAIMS_EXPIREAFTER", "3s");
		settings.put("CALLOUT_DELIVERY_POLLINTERVAL", "500ms");
		settings.put("CALLOUT_CAMPAIGNS_SCHEDULERINTERVAL", "1s");
		settings.put("CALLOUT_DELIVERY_CHUNKSIZE", String.valueOf(CHUNK));
		settings.put("CALLOUT_DELIVERY_WORKERS", String.valueOf(WORKERS));
		settings.put("CALLOUT_DELIVERY_PARALLELISM", String.valueOf(PARALLELISM));
		settings.put("CALLOUT_MAIL_SMTP_POOLSIZE", String.valueOf(PARALLELISM));
		settings.put("CALLOUT_DELIVERY_PROGRESSLOGINTERVAL", "5s");
		settings.put("CALLOUT_DELIVERY_SNAPSHOTFIRSTSLICE", String.valueOf(FIRST_SLICE));
		settings.put("CALLOUT_DELIVERY_SNAPSHOTSLICE", String.valueOf(SLICE));
		settings.put("CALLOUT_DELIVERY_TEST_HALTAT", haltAt);
		long started = System.nanoTime();
		ServiceProcess service = TrainedJar.of(PackagedJarIT.JAR).start(installDir,
				database.environment(INSTANCE, sink.port(), settings));
		service.awaitHealthy();
		startUps.add(String.format("%.1f s", (System.nanoTime() - started) / 1e9));
		return service;
	}

	private static void halted(ServiceProcess service, String point, Duration atMost) throws InterruptedException {
		int exit = service.awaitExit(atMost);
		assertThat(service.log()).contains("Halting at " + point);
		assertThat(exit).as("halted (TestHalt.EXIT_CODE), not died otherwise:\n%s", service.log()).isEqualTo(86);
	}

	/**
	 * What the sink and the records say once the killed process is wholly gone: its last message may still be in the
	 * sink's socket buffer, and its last COMMIT in its database backend's.
	 */
	private Crash crash(String point, long blast) {
		sink.awaitNoSession(Duration.ofSeconds(10));
		database.awaitNoConnectionOf(INSTANCE, Duration.ofSeconds(30));
		Map<String, Integer> received = sink.perRecipient();
		Set<String> sent = database.sentAddresses(blast);
		assertThat(received.keySet()).as("every SENT record's message reached the sink").containsAll(sent);
		Set<String> inFlight = new HashSet<>(received.keySet());
		inFlight.removeAll(sent);
		return new Crash(point, received.values().stream().mapToInt(Integer::intValue).sum(), sent.size(), inFlight);
	}

}
