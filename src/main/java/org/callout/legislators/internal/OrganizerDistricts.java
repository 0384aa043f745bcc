package org.callout.legislators.internal;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Districts organizers set by hand: stored, then the subscriber's answer is worked out again at once. */
@Service
class OrganizerDistricts {

	private final OrganizerDistrictStore store;

	private final RepresentationUpdater updater;

	private final Clock clock;

	OrganizerDistricts(OrganizerDistrictStore store, RepresentationUpdater updater, Clock clock) {
		this.store = store;
		this.updater = updater;
		this.clock = clock;
	}

	/** @return false when there is no such subscriber (nothing is stored) */
	@Transactional
	boolean set(long subscriberId, String senate, String assembly) {
		store.put(subscriberId, senate, assembly, clock.instant());
		if (updater.refresh(subscriberId, true) == RepresentationUpdater.Outcome.NO_SUCH_SUBSCRIBER) {
			store.clear(subscriberId);
			return false;
		}
		return true;
	}

	/** Back to the lookup's answer. @return false when there is no such subscriber */
	@Transactional
	boolean clear(long subscriberId) {
		store.clear(subscriberId);
		return updater.refresh(subscriberId, true) != RepresentationUpdater.Outcome.NO_SUCH_SUBSCRIBER;
	}

}
