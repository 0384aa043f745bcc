package org.callout.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.callout.delivery.AudienceSql;
import org.callout.delivery.DeliveryFlowSupport;
import org.callout.platform.AddressHasher;
import org.callout.subscribers.UnsubscribeLinks;
import org.callout.subscribers.UnsubscribeTarget;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * Unsubscribes during a running blast, on the database each subclass names, against a slow relay that records
 * when it accepted each message: nothing reaches a person's address after their unsubscribe returned, whether their
 * delivery was still waiting or in the chunk being sent.
 * <p>
 * Without the lock (MembershipLocks' {@code FOR SHARE} / {@code FOR UPDATE} removed) this fails on both databases:
 * an unsubscribe of someone near the end of the chunk being sent commits at once (its POST returned after 60 to 80 ms),
 * and the relay accepts their message about half a second later; the record the listener had SKIPPED is then
 * overwritten with SENT. With the lock those unsubscribes wait for the chunk (0.5 to 0.7 s here) and the message
 * went out before their POST returned.
 */
@ContextConfiguration(initializers = UnsubscribeRaceTests.SlowRelayPort.class)
abstract class UnsubscribeRaceTests extends DeliveryFlowSupport {

	/**
	 * The relay: each end of DATA answered 80 ms later, so a chunk of 20 on the 4 pooled connections takes about
	 * 0.4 s, and someone at the end of a chunk that has started is still to be sent a while; the blast of 300 takes
	 * about 6 s. One for both subclasses' contexts; each test's addresses are its own.
	 */
	static final ScriptedSmtpServer RELAY = ScriptedSmtpServer.start().dataDelay(Duration.ofMillis(80));

	private static final int MEMBERS = 300;

	private static final int ROUNDS = 3;

	/**
	 * Sends to the slow relay instead of GreenMail. An initializer, not a {@code @DynamicPropertySource}: the base
	 * class's method registers GreenMail's port after a subclass's, and the last registration wins; initializers run
	 * after the dynamic properties are in, and this one puts its own first.
	 */
	static class SlowRelayPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("slow-relay", Map.of("callout.mail.smtp.port", RELAY.port())));
		}

	}

	@Autowired
	UnsubscribeLinks links;

	@Autowired
	AddressHasher hasher;

	@Autowired
	JdbcTemplate batch;

	// A mail app's one-click POST carries no cookie.
	private final HttpClient mailApp = HttpClient.newHttpClient();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	/** One unsubscribe: whose, how it was sent, where their delivery stood when asked, and when it returned. */
	private record Unsubscribe(long deliveryId, long subscriberId, String address, boolean oneClick, boolean inClaimedChunk,
			boolean receivedBeforeAsked, Instant asked, int status, Instant returned, Instant returnedOnAppClock,
			String recordRightAfter) {

		long waitedMillis() {
			return Duration.between(asked, returned).toMillis();
		}

	}

	private record Pending(long deliveryId, long subscriberId, boolean claimed) {
	}

	@Test
	void nothingReachesAnAddressAfterItsUnsubscribeReturnedWhetherItsDeliveryWaitedOrWasInTheChunkBeingSent()
			throws Exception {
		// The application's clock runs with real time here, so that sent_at compares with the unsubscribes.
		clock.tick();
		long bill = trackBill("S5401", "A5401", List.of(), List.of(), "IN_SENATE_COMM", null);
		String run = UUID.randomUUID().toString().substring(0, 8);
		AudienceSql audience = new AudienceSql(jdbc, batch, hasher, clock.instant());
		long list = audience.listId("supporters");
		List<AudienceSql.Person> people = new ArrayList<>(IntStream.range(0, MEMBERS)
			.mapToObj(i -> new AudienceSql.Person("race-" + run + "-" + i + "@example.org", i % 2 == 0 ? "en" : "es", null))
			.toList());
		String late = "late-" + run + "@example.org";
		people.add(new AudienceSql.Person(late, "en", null));
		List<String> early = List.of("early-" + run + "-0@example.org", "early-" + run + "-1@example.org");
		early.forEach(address -> people.add(new AudienceSql.Person(address, "en", null)));
		audience.subscribers(people);
		assertThat(audience.memberships("race-" + run + "-%", list, "CONFIRMED")).isEqualTo(MEMBERS);
		assertThat(audience.memberships(late, list, "UNCONFIRMED")).isEqualTo(1);
		assertThat(audience.memberships("early-" + run + "-%", list, "CONFIRMED")).isEqualTo(2);
		// Two leave before the blast, one each way: not in it, and each way's first request is behind us, so the
		// waits measured below are the lock's.
		List<Long> earlyIds = early.stream().map(this::subscriberId).toList();
		assertThat(unsubscribe(0, list, new Pending(0, earlyIds.get(0), false), true).status()).isEqualTo(200);
		assertThat(unsubscribe(0, list, new Pending(0, earlyIds.get(1), false), false).status()).isEqualTo(200);

		long blast = startBlast(bill, Map.of());
		Awaitility.await("the snapshot").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
			.until(() -> count("SELECT COUNT(*) FROM delivery_runs WHERE snapshot_at IS NOT NULL AND blast_id = " + blast) == 1);
		// Someone who confirms once the snapshot is taken is not in this blast.
		jdbc.sql("UPDATE memberships SET status = 'CONFIRMED' WHERE list_id = :list AND subscriber_id = "
				+ "(SELECT id FROM subscribers WHERE email_key = :late)").param("list", list).param("late", late).update();

		List<Unsubscribe> done = new ArrayList<>();
		long seen = 0;
		for (int round = 0; round < ROUNDS; round++) {
			// A chunk being sent (claimed, not yet recorded) that the rounds before did not pick from: its last two go
			// out last; the third target waits further on.
			long after = seen;
			List<Pending> open = Awaitility.await("a claimed chunk after delivery " + after).atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> open(blast), rows -> rows.stream().filter(p -> p.claimed() && p.deliveryId() > after).count() >= 3);
			List<Pending> claimed = open.stream().filter(p -> p.claimed() && p.deliveryId() > after).toList();
			List<Pending> waiting = open.stream().filter(p -> !p.claimed() && p.deliveryId() > after).toList();
			List<Pending> targets = new ArrayList<>(claimed.subList(claimed.size() - 2, claimed.size()));
			if (waiting.size() > 25) {
				targets.add(waiting.get(25));
			}
			seen = claimed.getLast().deliveryId();
			List<CompletableFuture<Unsubscribe>> posts = new ArrayList<>();
			for (int i = 0; i < targets.size(); i++) {
				Pending target = targets.get(i);
				boolean oneClick = (round + i) % 2 == 0;
				posts.add(CompletableFuture.supplyAsync(() -> unsubscribe(blast, list, target, oneClick), threads));
			}
			posts.forEach(post -> done.add(post.join()));
		}
		awaitState(blast, "SENT", Duration.ofSeconds(60));

		for (Unsubscribe u : done) {
			String what = u.toString();
			assertThat(u.status()).as(what).isEqualTo(200);
			// In the unsubscribe's own transaction: skipped at once, or already sent by the chunk it waited for.
			assertThat(u.recordRightAfter()).as(what).isIn("SKIPPED", "SENT");
			List<Instant> accepted = RELAY.received().stream()
				.filter(r -> r.recipients().stream().anyMatch(u.address()::equalsIgnoreCase))
				.map(ScriptedSmtpServer.Received::at)
				.toList();
			assertThat(accepted).as("the relay's receive times for %s", what).allSatisfy(at -> assertThat(at).isBefore(u.returned()));
			Map<String, Object> record = jdbc.sql("SELECT status, sent_at FROM deliveries WHERE id = :id").param("id", u.deliveryId())
				.query().singleRow();
			if ("SENT".equals(record.get("status"))) {
				assertThat(accepted).as("%s: the relay's RCPT TO %s", what, RELAY.attemptsFor(u.address())).hasSize(1);
				assertThat(sentAt(record.get("sent_at"))).as(what).isBeforeOrEqualTo(u.returnedOnAppClock());
			}
			else {
				assertThat(record.get("status")).as(what).isEqualTo("SKIPPED");
				assertThat(accepted).as(what).isEmpty();
			}
		}
		// The race was run: some unsubscribes came for someone in the chunk being sent and not yet sent to.
		assertThat(done).as("unsubscribes of someone in a claimed chunk not yet sent to")
			.anyMatch(u -> u.inClaimedChunk() && !u.receivedBeforeAsked());
		assertThat(done).as("some unsubscribes stopped a message").anyMatch(u -> u.recordRightAfter().equals("SKIPPED"));

		// Everyone else got exactly one message; the one who confirmed after the snapshot none, and has no record.
		Set<String> left = new HashSet<>(done.stream().map(Unsubscribe::address).toList());
		for (int i = 0; i < MEMBERS; i++) {
			String address = "race-" + run + "-" + i + "@example.org";
			if (!left.contains(address)) {
				assertThat(RELAY.receivedFor(address)).as(address).isEqualTo(1);
			}
		}
		assertThat(RELAY.receivedFor(late)).isZero();
		assertThat(early).allSatisfy(address -> assertThat(RELAY.receivedFor(address)).isZero());
		assertThat(count("SELECT COUNT(*) FROM deliveries WHERE blast_id = " + blast + " AND subscriber_id IN (" + earlyIds.get(0)
				+ ", " + earlyIds.get(1) + ")")).isZero();
		assertThat(count("SELECT COUNT(*) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.blast_id = "
				+ blast + " AND s.email_key = '" + late + "'")).isZero();
		for (Unsubscribe u : done) {
			System.out.printf("%s: unsubscribe of delivery %d (%s, %s, %s) waited %d ms, record right after: %s%n",
					getClass().getSimpleName(), u.deliveryId(), u.oneClick() ? "one-click" : "API",
					u.inClaimedChunk() ? "in the claimed chunk" : "pending", u.receivedBeforeAsked() ? "already sent" : "not yet sent",
					u.waitedMillis(), u.recordRightAfter());
		}
	}

	/** The blast's PENDING deliveries in id order, and whether each is claimed (in the chunk being sent). */
	private List<Pending> open(long blast) {
		return jdbc.sql("SELECT id, subscriber_id, claimed_by FROM deliveries WHERE blast_id = :blast AND status = 'PENDING' ORDER BY id")
			.param("blast", blast)
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3) != null))
			.list();
	}

	private long subscriberId(String address) {
		return jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", address).query(Long.class).single();
	}

	/** Unsubscribes the target's subscriber and reads their delivery record (if any) at once. */
	private Unsubscribe unsubscribe(long blast, long list, Pending target, boolean oneClick) {
		try {
			String address = jdbc.sql("SELECT email FROM subscribers WHERE id = :id").param("id", target.subscriberId())
				.query(String.class).single();
			boolean receivedBefore = RELAY.receivedFor(address) > 0;
			Instant asked = Instant.now();
			HttpResponse<String> answer;
			if (oneClick) {
				// The List-Unsubscribe link of the blast's email to this person.
				String token = links.token(new UnsubscribeTarget(target.subscriberId(), List.of(list), blast, false));
				answer = mailApp.send(HttpRequest.newBuilder(URI.create(base() + "/u/" + token))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			else {
				answer = postJson("/api/v1/subscribers/" + target.subscriberId() + "/unsubscribe", "",
						Map.of("Authorization", "Bearer " + ADMIN));
			}
			Instant returned = Instant.now();
			Instant onAppClock = clock.instant();
			String right = jdbc.sql("SELECT status FROM deliveries WHERE id = :id").param("id", target.deliveryId())
				.query(String.class).optional().orElse(null);
			return new Unsubscribe(target.deliveryId(), target.subscriberId(), address, oneClick, target.claimed(), receivedBefore,
					asked, answer.statusCode(), returned, onAppClock, right);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Instant sentAt(Object column) {
		return column instanceof OffsetDateTime at ? at.toInstant()
				: ((java.sql.Timestamp) column).toInstant();
	}

}
