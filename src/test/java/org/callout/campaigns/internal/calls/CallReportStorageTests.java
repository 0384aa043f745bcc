package org.callout.campaigns.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Call answers on a real database: one row per blast, supporter and target, a later press changing it. */
@DataJdbcTest
@Import(CallReportStore.class)
// Not in a test transaction: concurrent presses each commit on their own, as requests do.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class CallReportStorageTests {

	private static final Instant NOON = Instant.parse("2026-03-02T17:00:00Z");

	@Autowired
	CallReportStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLaterPressReplacesTheAnswerAndKeepsWhenItWasFirstGiven() {
		store.record(1, 10, "46", "Pat Fahy", CallOutcome.NO_ANSWER, NOON);
		store.record(1, 10, "46", "Pat Fahy", CallOutcome.TALKED, NOON.plusSeconds(600));

		assertThat(store.answers(1, 10)).containsExactlyEntriesOf(java.util.Map.of("46", CallOutcome.TALKED));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM call_reports WHERE blast_id = 1").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT first_reported_at < reported_at FROM call_reports WHERE blast_id = 1")
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void answersAreCountedPerTargetAndOutcomeForOneBlastOnly() {
		store.record(2, 10, "46", "Pat Fahy", CallOutcome.TALKED, NOON);
		store.record(2, 11, "46", "Pat Fahy", CallOutcome.TALKED, NOON);
		store.record(2, 11, "109", "Gabriella Romero", CallOutcome.VOICEMAIL, NOON);
		store.record(3, 10, "46", "Pat Fahy", CallOutcome.NO_ANSWER, NOON);

		assertThat(store.tally(2)).containsExactly(new CallReportStore.Tally("109", "Gabriella Romero", CallOutcome.VOICEMAIL, 1),
				new CallReportStore.Tally("46", "Pat Fahy", CallOutcome.TALKED, 2));
	}

	@Test
	void manyPressesAtOnceForTheSameTargetLeaveOneAnswer() throws Exception {
		int presses = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(presses);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < presses; i++) {
				CallOutcome outcome = CallOutcome.values()[i % 3];
				done.add(pool.submit(() -> {
					start.await();
					store.record(4, 10, "46", "Pat Fahy", outcome, NOON);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> press : done) {
				press.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(jdbc.sql("SELECT COUNT(*) FROM call_reports WHERE blast_id = 4").query(Long.class).single()).isEqualTo(1);
	}

}
