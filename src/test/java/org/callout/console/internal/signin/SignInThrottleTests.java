package org.callout.console.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.callout.support.MutableClock;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

	final MutableClock clock = new MutableClock();

	final SignInThrottle throttle = new SignInThrottle(
			new ConsoleProperties(null, new ConsoleProperties.SignIn(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(4))),
			clock);

	@Test
	void failuresUpToTheLimitLockNothing() {
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.failed("alice", "192.0.2.1")).isEmpty();
		}

		assertThat(throttle.lockedUntil("alice", "192.0.2.1")).isEmpty();
	}

	@Test
	void theFailureAfterTheLimitLocksTheAccountOnceForTheFirstLock() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("alice", "192.0.2.1");
		}

		assertThat(throttle.failed("alice", "192.0.2.1")).singleElement()
			.satisfies(lock -> assertThat(lock.key()).isEqualTo("account:alice"))
			.satisfies(lock -> assertThat(lock.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1))));
		assertThat(throttle.lockedUntil("alice", "198.51.100.7")).hasValue(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(throttle.lockedUntil("bob", "198.51.100.7")).isEmpty();
	}

	@Test
	void eachFailureAfterALockDoublesItUpToTheLongest() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("alice", "192.0.2." + i);
		}
		Duration[] expected = { Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(4) };
		for (Duration lock : expected) {
			clock.advance(Duration.ofMinutes(5));
			Instant now = clock.instant();
			assertThat(throttle.failed("alice", "203.0.113.9")).singleElement()
				.satisfies(started -> assertThat(started.until()).isEqualTo(now.plus(lock)));
		}
	}

	@Test
	void anAddressIsLockedAfterItsOwnLimitWhateverTheNames() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("name" + i, "192.0.2.1");
		}

		assertThat(throttle.failed("name5", "192.0.2.1")).singleElement()
			.satisfies(lock -> assertThat(lock.key()).isEqualTo("address:192.0.2.1"));
		assertThat(throttle.lockedUntil("carol", "192.0.2.1")).isPresent();
	}

	@Test
	void anIpv6AddressCountsByItsSlash64() {
		for (int i = 0; i < 6; i++) {
			throttle.failed("name" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
		}

		assertThat(throttle.lockedUntil("carol", "2001:db8:1:2:ffff::1")).isPresent();
		assertThat(throttle.lockedUntil("carol", "2001:db8:1:3::1")).isEmpty();
	}

	@Test
	void failuresAreForgottenAWindowAfterTheLast() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("alice", "192.0.2.1");
		}
		clock.advance(Duration.ofMinutes(16));

		assertThat(throttle.failed("alice", "192.0.2.1")).isEmpty();
	}

	@Test
	void aGoodSignInClearsTheAccountButNotTheAddress() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("alice", "192.0.2.1");
		}
		clock.advance(Duration.ofMinutes(2));

		throttle.succeeded("alice");

		assertThat(throttle.failed("alice", "192.0.2.1")).singleElement()
			.satisfies(lock -> assertThat(lock.key()).isEqualTo("address:192.0.2.1"));
	}

}
