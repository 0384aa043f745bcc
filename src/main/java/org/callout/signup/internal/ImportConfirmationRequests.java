package org.callout.signup.internal;

import java.time.Clock;
import java.util.List;

import org.callout.subscribers.ImportConfirmationsRequested;
import org.callout.subscribers.ImportedSupporters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the confirmation (re-permission) emails an organizer asked for after an import: the same queue,
 * hourly cap and relay budget as a signup's, and the same email. Each membership is taken once per import, in
 * this listener's transaction: a crash before its commit leaves them to the registry's retry, never sent twice.
 */
@Component
class ImportConfirmationRequests {

	private static final Logger log = LoggerFactory.getLogger(ImportConfirmationRequests.class);

	private final ImportedSupporters imported;

	private final ConfirmationQueue queue;

	private final Clock clock;

	ImportConfirmationRequests(ImportedSupporters imported, ConfirmationQueue queue, Clock clock) {
		this.imported = imported;
		this.queue = queue;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ImportConfirmationsRequested event) {
		List<ImportedSupporters.PendingConfirmation> pending = imported.claimConfirmations(event.importId());
		queue.enqueueAll(pending, clock.instant());
		log.info("Queued {} confirmation emails for import {}", pending.size(), event.importId());
	}

}
