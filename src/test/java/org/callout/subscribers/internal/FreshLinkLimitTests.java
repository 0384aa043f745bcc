package org.callout.subscribers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.callout.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The fresh-link limits on a real database (migration V51), alone and under concurrent requests. */
@DataJdbcTest
@Import({ FreshLinkLimitStore.class, FreshLinkLimitTests.Config.class })
// Each check commits on its own, as in the running service, so concurrent threads see each other's requests.
// Closed after the class: nothing else shares this context, and a cached one would keep its pool's connections
// to the shared PostgreSQL server, whose connection limit the whole suite's cached contexts come close to.
@DirtiesContext
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class FreshLinkLimitTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

	@Autowired
	FreshLinkLimitStore limits;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLimitHoldsWithinTheWindowAndSaysHowLongToWait() {
		assertThat(limits.tryAcquire("ip:198.51.100.1", 2, Duration.ofHours(1))).isEmpty();
		clock.advance(Duration.ofMinutes(20));
		assertThat(limits.tryAcquire("ip:198.51.100.1", 2, Duration.ofHours(1))).isEmpty();

		Optional<Duration> refused = limits.tryAcquire("ip:198.51.100.1", 2, Duration.ofHours(1));

		assertThat(refused).hasValue(Duration.ofMinutes(40));
	}

	@Test
	void aRequestOutsideTheWindowIsAllowedAgain() {
		limits.tryAcquire("address:abc", 1, Duration.ofMinutes(15));
		clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		assertThat(limits.tryAcquire("address:abc", 1, Duration.ofMinutes(15))).isEmpty();
	}

	@Test
	void concurrentRequestsWithOneKeyAreCountedOneAtATime() throws Exception {
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Optional<Duration>>> results = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return limits.tryAcquire("address:concurrent", 1, Duration.ofMinutes(15));
				}));
			}
			start.countDown();
			int allowed = 0;
			for (Future<Optional<Duration>> result : results) {
				allowed += result.get().isEmpty() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void requestsOlderThanADayAndTheirIdleKeysAreForgotten() {
		limits.tryAcquire("ip:203.0.113.77", 5, Duration.ofHours(1));
		clock.advance(Duration.ofDays(1).plusMinutes(1));

		limits.forgetOldRequests();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM unsubscribe_link_requests WHERE limit_key = 'ip:203.0.113.77'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unsubscribe_link_limit_keys WHERE limit_key = 'ip:203.0.113.77'").query(Long.class).single()).isZero();
	}

}
