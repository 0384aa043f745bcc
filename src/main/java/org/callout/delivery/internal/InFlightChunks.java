package org.callout.delivery.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.springframework.stereotype.Component;

/**
 * Whether some instance is handing over a chunk of a blast right now. A chunk's records stay claimed from the claim
 * until its outcomes commit, after its last message was handed over; so a live claim on an open record is a chunk
 * in flight, on any instance. A dead instance's claims are not: nothing of its will go out any more.
 */
@Component
class InFlightChunks {

	private static final Duration LOOK_EVERY = Duration.ofMillis(20);

	private final DeliveryStore store;

	InFlightChunks(DeliveryStore store) {
		this.store = store;
	}

	/** Waits until no chunk of the blast is in flight, at most {@code atMost}; true when none is. */
	boolean awaitNone(long blastId, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (store.liveClaims(blastId) > 0) {
			if (System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
				return false;
			}
			LockSupport.parkNanos(LOOK_EVERY.toNanos());
		}
		return true;
	}

}
