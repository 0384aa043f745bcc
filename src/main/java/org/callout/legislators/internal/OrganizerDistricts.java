package org.callout.legislators.internal;

import java.time.Clock;

import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Districts organizers set by hand: stored, then the subscriber's answer is worked out again at once. */
@Service
class OrganizerDistricts {

	private final OrganizerDistrictStore store;

	private final RepresentationUpdater updater;

	private final Subscribers subscribers;

	private final Clock clock;

	private final TransactionTemplate transaction;

	OrganizerDistricts(OrganizerDistrictStore store, RepresentationUpdater updater, Subscribers subscribers, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.updater = updater;
		this.subscribers = subscribers;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** @return false when there is no such subscriber (nothing is stored) */
	boolean set(long subscriberId, String senate, String assembly) {
		if (subscribers.byId(subscriberId).isEmpty()) {
			return false;
		}
		transaction.executeWithoutResult(tx -> store.put(subscriberId, senate, assembly, clock.instant()));
		updater.refresh(subscriberId, true);
		return true;
	}

	/** Back to the lookup's answer (worked out after the delete is committed). @return false when there is no such subscriber */
	boolean clear(long subscriberId) {
		if (subscribers.byId(subscriberId).isEmpty()) {
			return false;
		}
		store.clear(subscriberId);
		updater.refresh(subscriberId, true);
		return true;
	}

}
