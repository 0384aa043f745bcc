package org.callout.console.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.callout.support.MutableClock;
import org.junit.jupiter.api.Test;

class SignInRefusalsTests {

	final MutableClock clock = new MutableClock();

	final SignInRefusals refusals = new SignInRefusals(clock);

	@Test
	void oneFailurePerAddressAndNameIsRecordedAMinute() {
		assertThat(refusals.record("192.0.2.1", "account:alice")).isTrue();
		assertThat(refusals.record("192.0.2.1", "account:alice")).isFalse();
		assertThat(refusals.record("192.0.2.2", "account:alice")).isTrue();
		assertThat(refusals.record("192.0.2.1", "account:bob")).isTrue();

		clock.advance(Duration.ofSeconds(61));

		assertThat(refusals.record("192.0.2.1", "account:alice")).isTrue();
	}

	@Test
	void noMoreThanAHundredFailuresAMinuteAreRecordedInAll() {
		int recorded = 0;
		for (int i = 0; i < 500; i++) {
			recorded += refusals.record("198.51.100." + (i % 250), "account:(unknown)-" + i) ? 1 : 0;
		}

		assertThat(recorded).isEqualTo(SignInRefusals.MOST_PER_MINUTE);
		clock.advance(Duration.ofSeconds(61));
		assertThat(refusals.record("203.0.113.1", "account:(unknown)")).isTrue();
	}

}
