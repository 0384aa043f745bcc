package org.callout.legislators.internal;

import java.util.List;

import org.callout.subscribers.ImportedSupporters;
import org.callout.subscribers.SubscribersImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Works out the districts of the people an import made due (confirmed, with a new or changed ZIP or street),
 * one after another on the listener's thread after the import committed. ZIP lookups are local; street
 * addresses go through the rate-gated geocoder when it is enabled. The event names only the import: the
 * subscribers module says whom.
 */
@Component
class ImportLookups {

	private static final Logger log = LoggerFactory.getLogger(ImportLookups.class);

	private final ImportedSupporters imported;

	private final RepresentationUpdater updater;

	ImportLookups(ImportedSupporters imported, RepresentationUpdater updater) {
		this.imported = imported;
		this.updater = updater;
	}

	// No transaction around the listener (NOT_SUPPORTED): lookups may wait on the geocoder, and the updater opens
	// a short transaction per answer. A crash midway repeats the event; a lookup already stored is then UNCHANGED.
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SubscribersImported event) {
		List<Long> due = imported.dueForLookup(event.importId());
		for (long subscriberId : due) {
			updater.refresh(subscriberId, false);
		}
		if (!due.isEmpty()) {
			log.info("Looked up the districts of {} people from import {}", due.size(), event.importId());
		}
	}

}
