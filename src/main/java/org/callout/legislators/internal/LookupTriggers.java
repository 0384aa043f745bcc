package org.callout.legislators.internal;

import java.time.Clock;

import org.callout.subscribers.SubscriberDetailsChanged;
import org.callout.subscribers.SubscriptionConfirmed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When districts are worked out: after a confirmation and after a ZIP or street change, each on its own
 * thread after the subscriber's transaction committed (the event publication registry keeps the event until
 * the lookup is done, across a crash); and on a timer, for lookups whose geocoder failed.
 */
@Component
class LookupTriggers {

	private static final Logger log = LoggerFactory.getLogger(LookupTriggers.class);

	private final RepresentationUpdater updater;

	private final RepresentationStore store;

	private final Clock clock;

	LookupTriggers(RepresentationUpdater updater, RepresentationStore store, Clock clock) {
		this.updater = updater;
		this.store = store;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SubscriptionConfirmed event) {
		updater.refresh(event.subscriberId(), false);
	}

	@ApplicationModuleListener
	void on(SubscriberDetailsChanged event) {
		updater.refresh(event.subscriberId(), false);
	}

	@Scheduled(fixedDelayString = "${callout.legislators.retry-interval:5m}", initialDelayString = "${callout.legislators.retry-interval:5m}")
	void retryFailedLookups() {
		var due = store.dueForRetry(clock.instant(), 100);
		for (long subscriberId : due) {
			updater.refresh(subscriberId, true);
		}
		if (!due.isEmpty()) {
			log.info("Retried {} district lookups whose geocoder had failed", due.size());
		}
	}

}
