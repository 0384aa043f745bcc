package org.callout.delivery.internal;

import org.callout.campaigns.BlastBecameReady;
import org.callout.campaigns.BlastResumed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Campaigns' news that a blast may be sent now (queued, resumed) wakes this instance's engine, so it is taken up in
 * milliseconds instead of at the next poll. Only the instance that made the move hears it; the others, and a
 * wake-up the registry replays after a restart, find the blast at a poll: taking it up is always the claim's work,
 * never the event's, so a lost or repeated wake-up changes nothing but the wait.
 */
@Component
class EngineWakeUps {

	private final BlastEngine engine;

	EngineWakeUps(BlastEngine engine) {
		this.engine = engine;
	}

	@ApplicationModuleListener
	void on(BlastBecameReady ready) {
		engine.wake();
	}

	@ApplicationModuleListener
	void on(BlastResumed resumed) {
		engine.wake();
	}

}
