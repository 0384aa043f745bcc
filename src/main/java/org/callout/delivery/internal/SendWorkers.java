package org.callout.delivery.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Which of this instance's send workers of a blast may hold claims on it. The workers claim under one instance id, so
 * a worker that finds nothing due must not give back "its" claims while another worker here has a chunk in flight:
 * those rows would be claimed and sent a second time. The give-back runs only when every worker of the blast here is
 * idle, and a worker becomes busy (before it claims) only outside a give-back. Closing a blast's open records
 * (cancelled, expired) is such a give-back too: a chunk in flight here must be recorded as what it became.
 */
@Component
class SendWorkers {

	// Guarded by this: busy workers per blast.
	private final Map<Long, Integer> busy = new HashMap<>();

	// Guarded by this: the worker that probes a blast the relay paused (one probe per poll interval, not one each).
	private final Map<Long, Object> probers = new HashMap<>();

	/** The worker may claim from now on. */
	synchronized void busy(long blastId) {
		busy.merge(blastId, 1, Integer::sum);
	}

	/** The worker holds no claim of the blast any more (nothing was due, or it ends). */
	synchronized void idle(long blastId) {
		busy.computeIfPresent(blastId, (id, n) -> n > 1 ? n - 1 : null);
	}

	/**
	 * Runs the give-back if no worker of the blast here is busy, the caller included; true when it ran. Held for its
	 * length: no worker starts claiming until the rows given back are committed as free.
	 */
	synchronized boolean whenAllIdle(long blastId, Runnable giveBack) {
		if (busy.containsKey(blastId)) {
			return false;
		}
		giveBack.run();
		return true;
	}

	/** Whether this worker is the one that probes the blast while the relay fails; the first to ask is, until it ends. */
	synchronized boolean mayProbe(long blastId, Object worker) {
		return probers.computeIfAbsent(blastId, id -> worker) == worker;
	}

	/** The worker ends: another may probe. */
	synchronized void ended(long blastId, Object worker) {
		probers.remove(blastId, worker);
	}

}
