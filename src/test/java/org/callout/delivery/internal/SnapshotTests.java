package org.callout.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;
import org.callout.delivery.AudienceSql;
import org.callout.delivery.DeliveryFlowSupport;
import org.callout.platform.AddressHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A blast's snapshot on the database each subclass names: taken once however often and by however many instances
 * it is reached, without those who confirm after it, and narrowed exactly as campaigns' audience count
 * (AudienceCounts, GET /api/v1/blasts/{id}/audience) narrows the same audience. Each test writes its people on a
 * list of its own and snapshots draft blasts, which the engine never takes up.
 */
abstract class SnapshotTests extends DeliveryFlowSupport {

	@Autowired
	Snapshot snapshot;

	@Autowired
	DeliveryStore store;

	@Autowired
	BlastWarmUp warmUp;

	@Autowired
	BlastHandover handover;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AddressHasher hasher;

	@Autowired
	JdbcTemplate batch;

	@Autowired
	DataSource dataSource;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	/**
	 * A list of its own with people in groups: "snap-<run>-<group>-<n>@example.org". The groups: {@code albany}
	 * (exact, Senate 46, Assembly 109), {@code manhattan} (exact, 28 and 73), {@code split} (the Senate ambiguous
	 * between 44 and 46, Assembly 109), {@code unknown} (looked up, nothing found), {@code never} (no lookup yet),
	 * {@code away} (outside New York), all confirmed; and {@code pending} (unconfirmed), {@code left} (unsubscribed)
	 * and {@code suppressed} (confirmed, address suppressed), at Albany's districts.
	 */
	record People(String run, String slug, long listId, Map<String, Integer> groups) {

		String address(String group, int n) {
			return "snap-" + run + "-" + group + "-" + n + "@example.org";
		}

		String like(String group) {
			return "snap-" + run + "-" + group + "-%";
		}

		Set<String> of(String... wanted) {
			return java.util.Arrays.stream(wanted)
				.flatMap(group -> IntStream.range(0, groups.get(group)).mapToObj(n -> address(group, n)))
				.collect(Collectors.toSet());
		}

	}

	People people(Map<String, Integer> groups) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String slug = "snap-" + run;
		HttpResponse<String> created = adminSend("POST", "/api/v1/lists",
				json.writeValueAsString(Map.of("slug", slug, "name", "Snapshot " + run, "isPublic", false)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		AudienceSql audience = new AudienceSql(jdbc, batch, hasher, clock.instant());
		People people = new People(run, slug, audience.listId(slug), groups);
		List<AudienceSql.Person> all = new ArrayList<>();
		groups.forEach((group, size) -> IntStream.range(0, size)
			.forEach(n -> all.add(new AudienceSql.Person(people.address(group, n), n % 2 == 0 ? "en" : "es", null))));
		audience.subscribers(all);
		for (String group : groups.keySet()) {
			String status = switch (group) {
				case "pending" -> "UNCONFIRMED";
				case "left" -> "UNSUBSCRIBED";
				default -> "CONFIRMED";
			};
			assertThat(audience.memberships(people.like(group), people.listId(), status)).isEqualTo(groups.get(group));
			switch (group) {
				case "manhattan" -> audience.districts(people.like(group), "28", "73", "exact");
				case "split" -> jdbc.sql("""
						INSERT INTO representations (subscriber_id, senate_district, assembly_district, senate_candidates,
						                             source, confidence, fingerprint, looked_up_at, attempts)
						SELECT id, NULL, '109', '44:0.6,46:0.4', 'zip', 'ambiguous', 'test', created_at, 1
						FROM subscribers WHERE email_key LIKE :like""").param("like", people.like(group)).update();
				case "unknown" -> audience.districts(people.like(group), null, null, "unknown");
				case "away" -> audience.districts(people.like(group), null, null, "outside-ny");
				case "never" -> {
				}
				default -> audience.districts(people.like(group), "46", "109", "exact");
			}
		}
		if (groups.containsKey("suppressed")) {
			assertThat(audience.suppress(people.like("suppressed"))).isEqualTo(groups.get("suppressed"));
		}
		return people;
	}

	/** A draft blast to the list, narrowed by {@code audience} (the API's fields): the engine never takes it up. */
	long draft(People people, Map<String, Object> audience) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("lists", List.of(people.slug()), "quietHours", false));
		body.putAll(audience);
		HttpResponse<String> created = adminSend("POST", "/api/v1/blasts", json.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asLong();
	}

	/**
	 * The whole snapshot, as the job writes it: a first slice, then slices until none is left; slices of a few people
	 * here, so every test crosses several. The count this call wrote.
	 */
	int take(long blast) {
		BlastPlan plan = handover.plan(blast).orElseThrow();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		int written = transaction.execute(status -> snapshot.take(plan, FIRST_SLICE));
		Snapshot.Slice slice;
		do {
			slice = transaction.execute(status -> snapshot.next(plan, SLICE, false));
			written += slice.written();
		}
		while (!slice.done());
		return written;
	}

	private int first(TransactionTemplate transaction, BlastPlan plan, int limit) {
		return transaction.execute(status -> snapshot.take(plan, limit));
	}

	private Snapshot.Slice slice(TransactionTemplate transaction, BlastPlan plan, int limit) {
		return transaction.execute(status -> snapshot.next(plan, limit, false));
	}

	static final int FIRST_SLICE = 7;

	static final int SLICE = 13;

	/** The addresses the snapshot wrote for the blast (joined now: the subscribers are all there). */
	private List<String> recipients(long blast) {
		return jdbc.sql("""
				SELECT s.email FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.blast_id = :blast
				ORDER BY d.id""").param("blast", blast).query(String.class).list();
	}

	@Test
	void takingTheSnapshotAgainAddsNobodyAndWhoeverConfirmsAfterItIsNotInIt() throws Exception {
		People people = people(Map.of("albany", 150, "never", 50, "pending", 10, "left", 10, "suppressed", 10));
		long blast = draft(people, Map.of());

		long started = System.nanoTime();
		assertThat(take(blast)).isEqualTo(200);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(recipients(blast)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(people.of("albany", "never"));
		assertThat(snapshot.taken(blast)).isTrue();

		// After the snapshot: a pending member confirms, a newcomer joins confirmed, a suppression is lifted.
		String newcomer = "snap-" + people.run() + "-newcomer-0@example.org";
		AudienceSql audience = new AudienceSql(jdbc, batch, hasher, clock.instant());
		audience.subscribers(List.of(new AudienceSql.Person(newcomer, "en", null)));
		audience.memberships(newcomer, people.listId(), "CONFIRMED");
		jdbc.sql("UPDATE memberships SET status = 'CONFIRMED' WHERE list_id = :list AND subscriber_id IN "
				+ "(SELECT id FROM subscribers WHERE email_key LIKE :like)").param("list", people.listId())
			.param("like", people.like("pending")).update();
		jdbc.sql("DELETE FROM suppressed_addresses WHERE address_hash IN (SELECT email_hash FROM subscribers WHERE email_key LIKE :like)")
			.param("like", people.like("suppressed")).update();

		assertThat(take(blast)).as("a second take").isZero();
		assertThat(recipients(blast)).hasSize(200).containsExactlyInAnyOrderElementsOf(people.of("albany", "never"));
		assertThat(count("SELECT recipients FROM delivery_runs WHERE blast_id = " + blast)).isEqualTo(200);
		System.out.printf("%s: snapshot of 200 taken in %d ms%n", getClass().getSimpleName(), millis);
	}

	@Test
	void theCountsByStatusAreTheRowsOwnAsRecordsLeavePending() throws Exception {
		People people = people(Map.of("albany", 40));
		long blast = draft(people, Map.of());
		assertThat(store.counts(blast).values()).as("before the snapshot").containsOnly(0L);
		assertThat(take(blast)).isEqualTo(40);
		assertThat(store.counts(blast)).containsEntry(DeliveryStatus.PENDING, 40L).containsEntry(DeliveryStatus.SENT, 0L);

		// Rows move on as sending would move them (PENDING is counted as the snapshot less the rest, so each must show).
		Map<String, Integer> moved = Map.of("SENT", 17, "DEFERRED", 5, "FAILED", 3, "SKIPPED", 2, "EXPIRED", 1);
		List<Long> ids = jdbc.sql("SELECT id FROM deliveries WHERE blast_id = :blast ORDER BY id").param("blast", blast)
			.query(Long.class).list();
		int next = 0;
		for (var move : moved.entrySet()) {
			for (int i = 0; i < move.getValue(); i++) {
				jdbc.sql("UPDATE deliveries SET status = :status WHERE id = :id").param("status", move.getKey())
					.param("id", ids.get(next++)).update();
			}
		}

		Map<DeliveryStatus, Long> grouped = new java.util.EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			grouped.put(status, count("SELECT COUNT(*) FROM deliveries WHERE blast_id = " + blast + " AND status = '" + status + "'"));
		}
		assertThat(grouped).containsEntry(DeliveryStatus.PENDING, 12L).containsEntry(DeliveryStatus.SENT, 17L);
		assertThat(store.counts(blast)).isEqualTo(grouped);
	}

	@Test
	void readyingABlastsSendingMakesItsEmailButSendsAndRecordsNothing() throws Exception {
		People people = people(Map.of("albany", 3));
		long blast = draft(people, Map.of());
		int received = greenMail.getReceivedMessages().length;

		assertThat(warmUp.start(blast).get(30, TimeUnit.SECONDS)).as("an email made").isTrue();
		assertThat(warmUp.start(-1).get(30, TimeUnit.SECONDS)).as("no such blast: none, and no failure").isFalse();

		assertThat(greenMail.getReceivedMessages()).hasSize(received);
		assertThat(emailsTo("warm-up@example.invalid")).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM deliveries WHERE blast_id = " + blast)).isZero();
		assertThat(snapshot.taken(blast)).isFalse();
	}

	@Test
	void twoInstancesReachingTheSnapshotTogetherWriteItOnce() throws Exception {
		People people = people(Map.of("albany", 300, "manhattan", 200, "left", 20));
		long blast = draft(people, Map.of());
		BlastPlan plan = handover.plan(blast).orElseThrow();
		LockWaits waits = new LockWaits(jdbc, dataSource);

		// The first instance writes the snapshot and keeps its transaction open until the second waits for it.
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
			.execute(status -> {
				int rows = snapshot.take(plan, 1_000);
				written.countDown();
				await(commit);
				return rows;
			}), threads);
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
			.execute(status -> snapshot.take(plan, 1_000)), threads);
		Awaitility.await("the second instance waiting for the first").atMost(Duration.ofSeconds(10))
			.until(() -> waits.someoneWaitsOn("delivery_runs"));
		assertThat(second).isNotDone();
		commit.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(500);
		assertThat(second.get(30, TimeUnit.SECONDS)).isZero();
		assertThat(recipients(blast)).hasSize(500).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(people.of("albany", "manhattan"));
	}

	@Test
	void eachNarrowingOfTheAudienceSnapshotsExactlyWhomCampaignsCountsForIt() throws Exception {
		People people = people(Map.of("albany", 7, "manhattan", 5, "split", 4, "unknown", 3, "never", 3, "away", 2, "pending", 2,
				"left", 2, "suppressed", 2));
		record Narrowing(Map<String, Object> audience, Set<String> expected) {
		}
		List<Narrowing> narrowings = List.of(
				new Narrowing(Map.of(), people.of("albany", "manhattan", "split", "unknown", "never", "away")),
				new Narrowing(Map.of("knownDistricts", true), people.of("albany", "manhattan")),
				new Narrowing(Map.of("chamber", "senate"), people.of("albany", "manhattan")),
				new Narrowing(Map.of("chamber", "assembly"), people.of("albany", "manhattan", "split")),
				new Narrowing(Map.of("chamber", "senate", "districts", List.of("46")), people.of("albany")),
				new Narrowing(Map.of("chamber", "senate", "districts", List.of("44")), Set.of()),
				new Narrowing(Map.of("chamber", "assembly", "districts", List.of("109")), people.of("albany", "split")),
				new Narrowing(Map.of("chamber", "assembly", "districts", List.of("109", "73")),
						people.of("albany", "manhattan", "split")),
				new Narrowing(Map.of("knownDistricts", true, "chamber", "assembly", "districts", List.of("109")), people.of("albany")));
		for (Narrowing narrowing : narrowings) {
			long blast = draft(people, narrowing.audience());
			long counted = json.readTree(admin("/api/v1/blasts/" + blast + "/audience").body()).get("total").asLong();
			int written = take(blast);
			assertThat(recipients(blast)).as("%s", narrowing.audience()).containsExactlyInAnyOrderElementsOf(narrowing.expected());
			assertThat(written).as("%s", narrowing.audience()).isEqualTo(narrowing.expected().size());
			assertThat(counted).as("campaigns' count for %s", narrowing.audience()).isEqualTo(written);
		}
	}

	@Test
	void aSnapshotInSlicesCarriesOnAfterTheLastSubscriberWrittenAndIsCompleteOnlyAfterTheLast() throws Exception {
		People people = people(Map.of("albany", 30, "left", 5));
		long blast = draft(people, Map.of());
		BlastPlan plan = handover.plan(blast).orElseThrow();
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		assertThat(first(transaction, plan, 10)).isEqualTo(10);
		assertThat(snapshot.taken(blast)).as("sending may start").isTrue();
		assertThat(snapshot.complete(blast)).isFalse();
		assertThat(count("SELECT recipients FROM delivery_runs WHERE blast_id = " + blast)).isEqualTo(10);
		assertThat(first(transaction, plan, 10)).as("started already").isZero();

		List<Integer> slices = new ArrayList<>();
		Snapshot.Slice slice;
		do {
			slice = transaction.execute(status -> snapshot.next(plan, 8, false));
			slices.add(slice.written());
			assertThat(count("SELECT recipients FROM delivery_runs WHERE blast_id = " + blast))
				.isEqualTo(count("SELECT COUNT(*) FROM deliveries WHERE blast_id = " + blast));
		}
		while (!slice.done());

		assertThat(slices).containsExactly(8, 8, 4);
		assertThat(snapshot.complete(blast)).isTrue();
		assertThat(recipients(blast)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(people.of("albany"));
		assertThat(count("SELECT snapshot_after FROM delivery_runs WHERE blast_id = " + blast))
			.isEqualTo(count("SELECT MAX(subscriber_id) FROM deliveries WHERE blast_id = " + blast));
		assertThat(slice(transaction, plan, 8)).isEqualTo(new Snapshot.Slice(0, true));
	}

	@Test
	void aSliceRolledBackIsWrittenAgainByTheNextAndNobodyTwice() throws Exception {
		People people = people(Map.of("albany", 20));
		long blast = draft(people, Map.of());
		BlastPlan plan = handover.plan(blast).orElseThrow();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.execute(status -> snapshot.take(plan, 5));

		// A crash in a slice's transaction: its rows and its move of the cursor go together.
		transaction.executeWithoutResult(status -> {
			assertThat(snapshot.next(plan, 10, false).written()).isEqualTo(10);
			status.setRollbackOnly();
		});
		assertThat(count("SELECT COUNT(*) FROM deliveries WHERE blast_id = " + blast)).isEqualTo(5);

		assertThat(slice(transaction, plan, 10)).isEqualTo(new Snapshot.Slice(10, false));
		assertThat(slice(transaction, plan, 10)).isEqualTo(new Snapshot.Slice(5, true));
		assertThat(recipients(blast)).hasSize(20).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(people.of("albany"));
	}

	@Test
	void aBlastCancelledWhileItsSnapshotIsWrittenGetsNoFurtherSlice() throws Exception {
		People people = people(Map.of("albany", 20));
		long blast = draft(people, Map.of());
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.execute(status -> snapshot.take(handover.plan(blast).orElseThrow(), 5));

		HttpResponse<String> cancelled = adminSend("POST", "/api/v1/blasts/" + blast + "/cancel", null);
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		BlastPlan plan = handover.plan(blast).orElseThrow();
		assertThat(plan.over()).isTrue();

		assertThat(slice(transaction, plan, 10)).isEqualTo(new Snapshot.Slice(0, true));
		assertThat(snapshot.complete(blast)).as("nothing more to wait for").isTrue();
		assertThat(count("SELECT COUNT(*) FROM deliveries WHERE blast_id = " + blast)).isEqualTo(5);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never let this transaction go on");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
