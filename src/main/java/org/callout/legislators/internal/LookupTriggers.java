package org.callout.legislators.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.SubscriberDetailsChanged;
import org.callout.subscribers.SubscriptionConfirmed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

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

	private final Memberships memberships;

	private final Clock clock;

	LookupTriggers(RepresentationUpdater updater, RepresentationStore store, Memberships memberships, Clock clock) {
		this.updater = updater;
		this.store = store;
		this.memberships = memberships;
		this.clock = clock;
	}

	// No transaction around the listener (NOT_SUPPORTED): the lookup may wait on the
	// geocoder, and the updater opens a short one to store the answer.
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SubscriptionConfirmed event) {
		updater.refresh(event.subscriberId(), false);
	}

	/**
	 * Only for someone confirmed (or looked up before): a stranger's signup may change an unconfirmed person's
	 * ZIP, and that must not reach the geocoder from a public form.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SubscriberDetailsChanged event) {
		boolean confirmed = memberships.of(event.subscriberId()).stream().anyMatch(m -> m.status() == MembershipStatus.CONFIRMED);
		if (confirmed || store.find(event.subscriberId()).isPresent()) {
			updater.refresh(event.subscriberId(), false);
		}
	}

	@Scheduled(fixedDelayString = "${callout.legislators.retry-interval:5m}", initialDelayString = "${callout.legislators.retry-interval:5m}")
	@SchedulerLock(name = "legislators-lookup-retries", lockAtMostFor = "PT30M")
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
