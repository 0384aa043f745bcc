package org.callout.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.callout.platform.TokenBuckets.Window;
import org.callout.support.MutableClock;
import org.callout.support.SecondInstancePool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets in the database, shared by threads and instances. The clock only moves when a test moves it, so
 * nothing refills behind a test's back and every count is exact.
 */
@SpringBootTest
abstract class TokenBucketsTests {

	static final Window HUNDRED = new Window("test:hundred", 100, 1);

	static final Window FORTY = new Window("test:forty", 40, 1);

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	final MutableClock clock = new MutableClock();

	@BeforeEach
	void emptyTable() {
		JdbcClient.create(dataSource).sql("DELETE FROM relay_budget").update();
	}

	@Test
	void eightThreadsTogetherNeverTakeMoreThanTheSmallestWindowHoldsAndTakeTheSameFromEveryWindow() throws Exception {
		TokenBuckets buckets = buckets(dataSource, List.of(HUNDRED, FORTY));

		List<Integer> taken = inThreads(8, thread -> drain(buckets, 3));

		assertThat(taken.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
		assertThat(buckets(dataSource, List.of(HUNDRED)).take(1000, 0, Duration.ZERO)).isEqualTo(60);
	}

	@Test
	void twoInstancesOnOneDatabaseShareOneAllowance() throws Exception {
		try (HikariDataSource other = SecondInstancePool.on(environment)) {
			TokenBuckets first = buckets(dataSource, List.of(HUNDRED, FORTY));
			TokenBuckets second = buckets(other, List.of(FORTY, HUNDRED));

			List<Integer> taken = inThreads(4, thread -> drain(thread % 2 == 0 ? first : second, 2));

			assertThat(taken.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
			clock.advance(Duration.ofSeconds(5));
			assertThat(second.take(1000, 0, Duration.ZERO)).isEqualTo(5);
			assertThat(first.take(1000, 0, Duration.ZERO)).isZero();
		}
	}

	@Test
	void aTakerWithAReserveLeavesThatShareOfEveryWindowToTheOthers() {
		TokenBuckets buckets = buckets(dataSource, List.of(HUNDRED, FORTY));

		assertThat(buckets.take(1000, 0.25, Duration.ZERO)).isEqualTo(30);
		assertThat(buckets.take(1, 0.25, Duration.ZERO)).isZero();
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(10);
		assertThat(buckets.take(1, 0, Duration.ZERO)).isZero();
	}

	@Test
	void tokensGivenBackCanBeTakenAgainButNeverFillAWindowAboveItsCapacity() {
		TokenBuckets buckets = buckets(dataSource, List.of(HUNDRED, FORTY));
		assertThat(buckets.take(40, 0, Duration.ZERO)).isEqualTo(40);

		buckets.giveBack(15);
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(15);

		buckets.giveBack(1000);
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(40);
		// The hundred was filled up to 100 by the second gift, not beyond, then gave those 40 again.
		assertThat(buckets(dataSource, List.of(HUNDRED)).take(1000, 0, Duration.ZERO)).isEqualTo(60);
	}

	@Test
	void anEmptiedWindowRefillsAtItsRateUpToItsCapacity() {
		TokenBuckets buckets = buckets(dataSource, List.of(new Window("test:ten", 10, 2), Window.perHour("test:per-hour", 3600)));
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(10);
		assertThat(buckets.take(1, 0, Duration.ZERO)).isZero();

		clock.advance(Duration.ofMillis(1500));
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(3);

		clock.advance(Duration.ofHours(1));
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(10);
	}

	@Test
	void aWaitingTakerGetsTheTokensThatArriveWhileItWaits() throws Exception {
		TokenBuckets buckets = buckets(dataSource, List.of(HUNDRED));
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(100);

		CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> buckets.take(10, 0, Duration.ofSeconds(60)));
		clock.advance(Duration.ofSeconds(2));

		assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(2);
	}

	@Test
	void aBucketDeletedFromTheTableStartsFullAgain() {
		TokenBuckets buckets = buckets(dataSource, List.of(FORTY));
		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(40);

		emptyTable();

		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(40);
	}

	@Test
	void aBucketNameAsLongAsTheTableAllowsIsStored() {
		String longest = "delivery:" + "x".repeat(TokenBuckets.MAX_BUCKET_NAME - "delivery:".length());
		TokenBuckets buckets = buckets(dataSource, List.of(new Window(longest, 5, 1)));

		assertThat(buckets.take(1000, 0, Duration.ZERO)).isEqualTo(5);
		assertThat(JdbcClient.create(dataSource).sql("SELECT bucket FROM relay_budget").query(String.class).list())
			.containsExactly(longest);
		assertThatIllegalArgumentException().isThrownBy(() -> new Window(longest + "x", 5, 1));
	}

	@Test
	void settingsOfZeroMeanNoLimitAndTheOthersNameTheirWindowsWithThePrefix() {
		assertThat(buckets(dataSource, TokenBuckets.perSecondAndPerHour("delivery:", 0, 0)).take(5000, 0.5, Duration.ZERO))
			.isEqualTo(5000);
		assertThat(TokenBuckets.perSecondAndPerHour("delivery:", 20, 7200)).containsExactly(
				new Window("delivery:per-hour", 7200, 2), new Window("delivery:per-second", 20, 20));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> buckets(dataSource, List.of(FORTY, new Window(FORTY.bucket(), 1, 1))));
	}

	private TokenBuckets buckets(DataSource on, List<Window> windows) {
		return new TokenBuckets(JdbcClient.create(on), new TransactionTemplate(new DataSourceTransactionManager(on)),
				clock, windows);
	}

	/** Takes {@code chunk} at a time until nothing is left (the clock stands still: nothing refills). */
	private static int drain(TokenBuckets buckets, int chunk) {
		int total = 0;
		for (int granted = buckets.take(chunk, 0, Duration.ZERO); granted > 0; granted = buckets.take(chunk, 0, Duration.ZERO)) {
			total += granted;
		}
		return total;
	}

	interface Work {

		int run(int thread) throws Exception;

	}

	/** Runs {@code work} on {@code count} threads started together; what each returned. */
	private static List<Integer> inThreads(int count, Work work) throws Exception {
		CyclicBarrier start = new CyclicBarrier(count);
		List<Future<Integer>> runs = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
			for (int i = 0; i < count; i++) {
				int thread = i;
				runs.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return work.run(thread);
				}));
			}
		}
		List<Integer> results = new ArrayList<>();
		for (Future<Integer> run : runs) {
			results.add(run.get());
		}
		return results;
	}

}
