package org.callout.legislators.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * At most N requests per second. A caller waits for the next free slot, but never longer than a short bound:
 * a bulk refresh or a burst of confirmations is paced to the cap instead of being refused (and pushed onto the
 * retry path), while a moment busier than the bound allows is refused at once and falls back to the ZIP table.
 */
final class RateGate {

	private final long intervalNanos;

	private long next = System.nanoTime();

	RateGate(double perSecond) {
		this.intervalNanos = (long) (1_000_000_000L / perSecond);
	}

	/** Takes a slot, waiting at most {@code maxWait} for it; false when none comes in time. */
	boolean acquire(Duration maxWait) {
		long slot;
		synchronized (this) {
			long now = System.nanoTime();
			slot = Math.max(now, next);
			if (slot - now > maxWait.toNanos()) {
				return false;
			}
			next = slot + intervalNanos;
		}
		long wait = slot - System.nanoTime();
		if (wait > 0) {
			LockSupport.parkNanos(wait);
		}
		return true;
	}

}
