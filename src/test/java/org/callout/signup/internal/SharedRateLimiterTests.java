package org.callout.signup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.callout.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two limiters, as two Callout instances would have, each with its own connection pool to one database:
 * they share their counts, even when hit concurrently.
 */
@DataJdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class SharedRateLimiterTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	final MutableClock clock = new MutableClock();

	RateLimiter instanceA;

	RateLimiter instanceB;

	@BeforeEach
	void twoInstances() {
		instanceA = limiter(dataSource, clock);
		DriverManagerDataSource second = new DriverManagerDataSource(environment.getProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""));
		instanceB = limiter(second, clock);
	}

	@Test
	void twoInstancesTakingTurnsShareOneLimit() {
		String key = "turns-" + System.nanoTime();
		int accepted = 0;
		for (int i = 0; i < 40; i++) {
			accepted += (i % 2 == 0 ? instanceA : instanceB).tryAcquire(key, 30, Duration.ofHours(1)).isEmpty() ? 1 : 0;
		}

		assertThat(accepted).isEqualTo(30);
	}

	@Test
	void concurrentHitsOnTwoInstancesNeverExceedTheLimit() throws Exception {
		String key = "rush-" + System.nanoTime();
		AtomicInteger accepted = new AtomicInteger();
		List<Future<?>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 60; i++) {
				RateLimiter instance = i % 2 == 0 ? instanceA : instanceB;
				calls.add(pool.submit(() -> {
					if (instance.tryAcquire(key, 30, Duration.ofHours(1)).isEmpty()) {
						accepted.incrementAndGet();
					}
				}));
			}
			for (Future<?> call : calls) {
				call.get();
			}
		}

		assertThat(accepted).hasValue(30);
	}

	@Test
	void aRefusalSaysHowLongUntilTheOldestHitLeavesTheWindow() {
		String key = "wait-" + System.nanoTime();
		instanceA.tryAcquire(key, 1, Duration.ofHours(1));
		clock.advance(Duration.ofMinutes(20));

		Optional<Duration> wait = instanceB.tryAcquire(key, 1, Duration.ofHours(1));

		assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(40), Duration.ofMinutes(41)));
		clock.advance(Duration.ofMinutes(41));
		assertThat(instanceB.tryAcquire(key, 1, Duration.ofHours(1))).isEmpty();
	}

	@Test
	void hitsOlderThanADayAndTheirIdleKeysAreForgottenAndTheKeyStillWorksAfterwards() {
		String key = "signup-ip:forget-" + System.nanoTime();
		instanceA.tryAcquire(key, 1, Duration.ofHours(1));
		clock.advance(Duration.ofDays(2));

		instanceA.forgetOldHits();

		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_hits WHERE limit_key = :k").param("k", key).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_keys WHERE limit_key = :k").param("k", key).query(Long.class).single()).isZero();
		assertThat(instanceB.tryAcquire(key, 1, Duration.ofHours(1))).isEmpty();
		assertThat(instanceA.tryAcquire(key, 1, Duration.ofHours(1))).isPresent();
	}

	private static RateLimiter limiter(DataSource dataSource, Clock clock) {
		return new RateLimiter(JdbcClient.create(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
	}

}
