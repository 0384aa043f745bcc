package org.callout.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move forward instead of waiting. Starts at the real time, standing still; {@link #tick()} makes it
 * run on with real time from then on (still moved by {@link #advance}).
 */
public final class MutableClock extends Clock {

	/** Where the clock stood at {@code nanos} (System.nanoTime()), and whether it runs on from there. */
	private record State(Instant at, long nanos, boolean ticking) {

		Instant now() {
			return ticking ? at.plusNanos(System.nanoTime() - nanos) : at;
		}

	}

	private volatile State state = new State(Instant.now(), System.nanoTime(), false);

	public synchronized void advance(Duration duration) {
		state = new State(state.now().plus(duration), System.nanoTime(), state.ticking());
	}

	/**
	 * From now on the clock runs with real time, from where it stands: for a test that compares instants the
	 * application records (a delivery's sent_at) with what happened outside it (an SMTP server's receive times).
	 */
	public synchronized void tick() {
		if (!state.ticking()) {
			state = new State(state.now(), System.nanoTime(), true);
		}
	}

	@Override
	public Instant instant() {
		return state.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
