package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.callout.platform.OrganizerRole;
import org.callout.platform.RequestRefusedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Two admins demoting each other at once leave one admin: the second change waits for the first and counts again. */
@DataJdbcTest
@Import({ Accounts.class, AccountStore.class, PasswordConfiguration.class, LastAdminTests.Config.class })
// Not in a test transaction: the two changes run in transactions of their own, on two threads.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class LastAdminTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theSecondOfTwoDemotionsAtOnceWaitsAndIsRefused() throws Exception {
		jdbc.sql("UPDATE accounts SET disabled_at = CURRENT_TIMESTAMP WHERE role = 'ADMIN' AND disabled_at IS NULL").update();
		Account first = admin();
		Account second = admin();
		CountDownLatch demoted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// Threads of their own: the common pool may have a single worker on two cores, which would make the second
		// change wait for the first whatever the database does.
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			accounts.change(first.id(), OrganizerRole.ORGANIZER, null);
			demoted.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
		}), threads);
		assertThat(demoted.await(30, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Account> racing = CompletableFuture.supplyAsync(() -> accounts.change(second.id(), OrganizerRole.ORGANIZER, null), threads);

		await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> !racing.isDone());
		commit.countDown();
		holding.get(30, TimeUnit.SECONDS);
		assertThat(racing).failsWithin(Duration.ofSeconds(30))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(RequestRefusedException.class)
			.withMessageContaining("only active admin");
		assertThat(accounts.byId(second.id()).orElseThrow().role()).isEqualTo(OrganizerRole.ADMIN);
		threads.shutdown();
	}

	private Account admin() {
		String name = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		return accounts.create(name, name + "@example.org", "correct horse battery staple", OrganizerRole.ADMIN);
	}

}
