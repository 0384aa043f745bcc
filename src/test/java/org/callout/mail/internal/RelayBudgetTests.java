package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.callout.mail.MailProperties;
import org.callout.mail.RelayBudget.Lane;
import org.callout.support.SecondInstancePool;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay budget in the database: two instances (each with its own connection pool, as two processes
 * have) draw from one allowance, and a bulk stream leaves the one-off reserve alone.
 */
@SpringBootTest
abstract class RelayBudgetTests {

	static final MailProperties.Relay FORTY_PER_SECOND = new MailProperties.Relay(40, 0, 0.1, null, null, 0);

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Test
	void twoInstancesOnOneDatabaseTogetherNeverGetMoreThanTheAllowance() throws Exception {
		try (HikariDataSource other = SecondInstancePool.on(environment)) {
			TableRelayBudget first = budget(dataSource, FORTY_PER_SECOND);
			TableRelayBudget second = budget(other, FORTY_PER_SECOND);
			long start = System.nanoTime();
			List<Future<Integer>> draws = new ArrayList<>();
			try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
				for (TableRelayBudget budget : List.of(first, second, first, second)) {
					draws.add(threads.submit(() -> drawFor(budget, Duration.ofMillis(2500))));
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			List<Integer> granted = new ArrayList<>();
			for (Future<Integer> draw : draws) {
				granted.add(draw.get());
			}
			int total = granted.stream().mapToInt(Integer::intValue).sum();

			// A full bucket (40) to start with, then 40 a second: what two unshared buckets would give twice over.
			assertThat(total).isLessThanOrEqualTo((int) (40 + 40 * seconds) + 1);
			assertThat(total).isGreaterThanOrEqualTo((int) (40 * 2.5 * 0.8));
			// Both instances drew the whole time (a failing draw would have thrown above); how the tokens split between
			// them is the row lock's order, which promises no fairness: a CI run on a busy machine saw one get none.
		}
	}

	@Test
	void aBulkStreamThatEmptiesTheBucketLeavesTheOneOffReserveUntouched() {
		TableRelayBudget budget = budget(dataSource, new MailProperties.Relay(0, 50, 0.1, null, null, 0));

		int bulk = budget.acquire(Lane.BULK, 1000, Duration.ZERO);

		assertThat(bulk).isEqualTo(45);
		assertThat(budget.acquire(Lane.BULK, 1, Duration.ZERO)).isZero();
		assertThat(budget.acquire(Lane.ONE_OFF, 10, Duration.ZERO)).isEqualTo(5);
		assertThat(budget.acquire(Lane.ONE_OFF, 1, Duration.ZERO)).isZero();
	}

	@Test
	void aRelayThatAllowsOneMessageASecondStillGivesTheBulkLaneItsMessage() {
		TableRelayBudget budget = budget(dataSource, new MailProperties.Relay(1, 0, 0.1, null, null, 0));

		assertThat(budget.acquire(Lane.BULK, 5, Duration.ZERO)).isEqualTo(1);
	}

	@Test
	void messagesAcquiredButNotSentGoBackToTheBudgetButNeverAboveTheAllowance() {
		TableRelayBudget budget = budget(dataSource, new MailProperties.Relay(0, 50, 0.1, null, null, 0));
		assertThat(budget.acquire(Lane.ONE_OFF, 50, Duration.ZERO)).isEqualTo(50);

		budget.giveBack(3);
		assertThat(budget.acquire(Lane.ONE_OFF, 50, Duration.ZERO)).isEqualTo(3);

		budget.giveBack(500);
		assertThat(budget.acquire(Lane.ONE_OFF, 500, Duration.ZERO)).isEqualTo(50);
	}

	@Test
	void whatTheRelayBucketsHeldBeforeKeepsCountingUnderTheirOldNames() {
		TableRelayBudget budget = budget(dataSource, new MailProperties.Relay(0, 1000, 0.1, null, null, 0));
		JdbcClient.create(dataSource)
			.sql("INSERT INTO relay_budget (bucket, tokens, refilled_at) VALUES ('per-hour', 7, :now)")
			.param("now", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))
			.update();

		assertThat(budget.acquire(Lane.ONE_OFF, 100, Duration.ZERO)).isEqualTo(7);
	}

	private static int drawFor(TableRelayBudget budget, Duration length) {
		long end = System.nanoTime() + length.toNanos();
		int granted = 0;
		while (System.nanoTime() < end) {
			granted += budget.acquire(Lane.BULK, 5, Duration.ofMillis(100));
		}
		return granted;
	}

	private static TableRelayBudget budget(DataSource dataSource, MailProperties.Relay relay) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("DELETE FROM relay_budget").update();
		return new TableRelayBudget(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				Clock.systemUTC(), relay);
	}

}
