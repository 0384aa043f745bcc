package org.callout.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.callout.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims with an owner and a heartbeat, on a work table of their own: another instance cannot take what a
 * live one holds, takes over what a dead one held once its claims expire, and a restarted instance takes its
 * own back at once.
 */
@SpringBootTest
abstract class WorkClaimsTests {

	static final CalloutProperties.Claims SETTINGS = new CalloutProperties.Claims(Duration.ofSeconds(2), Duration.ofSeconds(10));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	final MutableClock clock = new MutableClock();

	@BeforeEach
	void workTable() {
		jdbc.sql("CREATE TABLE IF NOT EXISTS claims_test (id BIGINT PRIMARY KEY, done BOOLEAN NOT NULL, "
				+ "claimed_by VARCHAR(100), heartbeat_at TIMESTAMP WITH TIME ZONE)").update();
		jdbc.sql("DELETE FROM claims_test").update();
		for (long id = 1; id <= 6; id++) {
			jdbc.sql("INSERT INTO claims_test (id, done) VALUES (:id, FALSE)").param("id", id).update();
		}
	}

	@Test
	void anotherInstanceCannotClaimWhatALiveInstanceHoldsEvenLongAfterWhileItsHeartbeatGoesOn() {
		Claims first = instance("first");
		Claims second = instance("second");
		WorkClaims firstClaims = first.on("claims_test");
		WorkClaims secondClaims = second.on("claims_test");

		assertThat(claim(firstClaims, 4)).containsExactly(1L, 2L, 3L, 4L);
		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofSeconds(8));
			first.heartbeat();
		}

		assertThat(claim(secondClaims, 6)).containsExactly(5L, 6L);
	}

	@Test
	void theClaimsOfAnInstanceWhoseHeartbeatStoppedPassToAnotherOnceTheyExpire() {
		WorkClaims dead = instance("dead").on("claims_test");
		WorkClaims alive = instance("alive").on("claims_test");
		assertThat(claim(dead, 3)).containsExactly(1L, 2L, 3L);

		clock.advance(Duration.ofSeconds(9));
		assertThat(claim(alive, 3)).containsExactly(4L, 5L, 6L);

		clock.advance(Duration.ofSeconds(2));
		assertThat(claim(alive, 3)).containsExactly(1L, 2L, 3L);
	}

	@Test
	void aRestartedInstanceTakesItsOwnClaimsBackAtOnce() {
		WorkClaims beforeCrash = instance("same").on("claims_test");
		assertThat(claim(beforeCrash, 3)).containsExactly(1L, 2L, 3L);

		WorkClaims afterRestart = instance("same").on("claims_test");

		assertThat(claim(afterRestart, 6)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void aReleasedRowIsClaimableAtOnceByAnotherInstance() {
		WorkClaims first = instance("first").on("claims_test");
		WorkClaims second = instance("second").on("claims_test");
		claim(first, 2);

		first.release(2L);

		assertThat(claim(second, 6)).containsExactly(2L, 3L, 4L, 5L, 6L);
	}

	private Claims instance(String id) {
		return new Claims(jdbc, id, SETTINGS, clock);
	}

	private List<Long> claim(WorkClaims claims, int limit) {
		return transactions.execute(status -> claims.claim("done = FALSE", Map.of(), limit));
	}

}
