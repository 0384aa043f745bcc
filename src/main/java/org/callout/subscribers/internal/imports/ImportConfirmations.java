package org.callout.subscribers.internal.imports;

import java.time.Clock;

import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.ImportConfirmationsRequested;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organizer's request to ask an import's unconfirmed people to confirm. The signup module owns the
 * confirmation emails (their queue, hourly cap and relay budget): it hears {@link ImportConfirmationsRequested}
 * through the event publication registry, so the request survives a crash, and takes each membership once.
 */
@Component
class ImportConfirmations {

	private final ImportStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ImportConfirmations(ImportStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/** Returns how many memberships are still to be asked (asked again, the answer is 0). */
	@Transactional
	int request(long importId) {
		ImportStatus status = store.find(importId)
			.orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such import", "No import has this id."));
		if (status.dryRun()) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "Dry run", "A dry run imported nobody: there is nobody to ask.");
		}
		if (!"done".equals(status.status())) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "Import not done",
					"The import is " + status.status() + "; confirmations can be asked for once it is done.");
		}
		int unrequested = store.unrequested(importId);
		if (unrequested > 0) {
			events.publishEvent(new ImportConfirmationsRequested(importId, clock.instant()));
		}
		return unrequested;
	}

}
