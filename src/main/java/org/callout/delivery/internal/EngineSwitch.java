package org.callout.delivery.internal;

import org.springframework.stereotype.Component;

/** Set when this instance shuts down: every running execution stops at its next read, so nothing is cut mid-chunk. */
@Component
class EngineSwitch {

	private volatile boolean stopping;

	boolean stopping() {
		return stopping;
	}

	void stop() {
		stopping = true;
	}

}
