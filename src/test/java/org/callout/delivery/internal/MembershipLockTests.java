package org.callout.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.callout.delivery.AudienceSql;
import org.callout.delivery.DeliveryFlowSupport;
import org.callout.platform.AddressHasher;
import org.callout.subscribers.Memberships;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lock that lets an unsubscribe win, taken apart on the database each subclass names: a chunk's lock on a
 * recipient's membership makes the unsubscribe wait until the chunk's outcomes commit, and a chunk that comes while
 * an unsubscribe is committing waits for it and then sees it. Each side holds its transaction open until the test
 * has seen the other side waiting for it in the database, so the overlap is certain rather than likely.
 */
abstract class MembershipLockTests extends DeliveryFlowSupport {

	@Autowired
	MembershipLocks locks;

	@Autowired
	Memberships memberships;

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

	/** A confirmed member of the supporters list and a blast (no blasts row needed) whose audience is that list. */
	private record Member(long subscriberId, long listId, long blastId) {
	}

	private Member member() {
		AudienceSql audience = new AudienceSql(jdbc, batch, hasher, clock.instant());
		String address = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		audience.subscribers(List.of(new AudienceSql.Person(address, "en", null)));
		long list = audience.listId("supporters");
		assertThat(audience.memberships(address, list, "CONFIRMED")).isEqualTo(1);
		long subscriber = jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", address).query(Long.class).single();
		// Blast ids far above the ones the other tests' blasts get; delivery_lists has no foreign key.
		long blast = 1_000_000 + subscriber;
		jdbc.sql("INSERT INTO delivery_lists (blast_id, list_id) VALUES (:blast, :list)").param("blast", blast).param("list", list)
			.update();
		return new Member(subscriber, list, blast);
	}

	@Test
	void anUnsubscribeWaitsForTheChunkHoldingItsMembershipAndReturnsOnlyAfterTheChunkCommitted() throws Exception {
		Member member = member();
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		AtomicReference<Instant> committing = new AtomicReference<>();
		CompletableFuture<Map<Long, List<Long>>> chunk = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
			.execute(status -> {
				Map<Long, List<Long>> confirmed = locks.lockConfirmed(member.blastId(), List.of(member.subscriberId()));
				locked.countDown();
				await(finish);
				committing.set(Instant.now());
				return confirmed;
			}), threads);
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<HttpResponse<String>> unsubscribe = CompletableFuture.supplyAsync(() -> post(member), threads);
		Awaitility.await("the unsubscribe waiting for the chunk's lock").atMost(Duration.ofSeconds(10))
			.until(this::someoneWaitsForALock);
		assertThat(unsubscribe).isNotDone();
		// A relay that takes its time with a chunk of 50 holds the lock for seconds: the unsubscribe waits, it does
		// not fail.
		Awaitility.await("the unsubscribe still waiting").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> !unsubscribe.isDone());
		finish.countDown();

		assertThat(chunk.get(10, TimeUnit.SECONDS)).containsOnlyKeys(member.subscriberId());
		HttpResponse<String> answer = unsubscribe.get(10, TimeUnit.SECONDS);
		Instant returned = Instant.now();
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(returned).isAfter(committing.get());
		assertThat(status(member)).isEqualTo("UNSUBSCRIBED");
	}

	@Test
	void aChunkThatComesWhileAnUnsubscribeIsCommittingWaitsForItAndDoesNotSendToThatPerson() throws Exception {
		Member member = member();
		CountDownLatch updated = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Boolean> unsubscribe = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
			.execute(status -> {
				boolean left = memberships.unsubscribe(member.subscriberId(), member.listId());
				updated.countDown();
				await(commit);
				return left;
			}), threads);
		assertThat(updated.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Map<Long, List<Long>>> chunk = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
			.execute(status -> locks.lockConfirmed(member.blastId(), List.of(member.subscriberId()))), threads);
		Awaitility.await("the chunk waiting for the unsubscribe").atMost(Duration.ofSeconds(10)).until(this::someoneWaitsForALock);
		assertThat(chunk).isNotDone();
		commit.countDown();

		assertThat(unsubscribe.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(chunk.get(10, TimeUnit.SECONDS)).as("the lists the chunk may still send for").isEmpty();
	}

	@Test
	void aChunkSeesAnUnsubscribeThatCommittedBeforeIt() throws Exception {
		Member member = member();
		assertThat(post(member).statusCode()).isEqualTo(200);
		Map<Long, List<Long>> confirmed = new TransactionTemplate(transactions)
			.execute(status -> locks.lockConfirmed(member.blastId(), List.of(member.subscriberId())));
		assertThat(confirmed).isEmpty();
	}

	private HttpResponse<String> post(Member member) {
		try {
			return postJson("/api/v1/subscribers/" + member.subscriberId() + "/unsubscribe", "",
					Map.of("Authorization", "Bearer " + ADMIN));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String status(Member member) {
		return jdbc.sql("SELECT status FROM memberships WHERE subscriber_id = :s AND list_id = :l")
			.param("s", member.subscriberId()).param("l", member.listId()).query(String.class).single();
	}

	private boolean someoneWaitsForALock() throws Exception {
		return new LockWaits(jdbc, dataSource).someoneWaitsOn("memberships");
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
