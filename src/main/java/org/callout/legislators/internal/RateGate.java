package org.callout.legislators.internal;

/**
 * At most N requests per second, without waiting: a request over the cap is refused at once, so a busy
 * moment never queues signups' lookups behind the geocoder (they fall back and are retried later).
 */
final class RateGate {

	private final long intervalNanos;

	private long next = System.nanoTime();

	RateGate(double perSecond) {
		this.intervalNanos = (long) (1_000_000_000L / perSecond);
	}

	synchronized boolean tryAcquire() {
		long now = System.nanoTime();
		if (now - next < 0) {
			return false;
		}
		next = now + intervalNanos;
		return true;
	}

}
