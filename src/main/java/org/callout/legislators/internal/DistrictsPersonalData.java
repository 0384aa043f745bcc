package org.callout.legislators.internal;

import java.util.List;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who represents the person: the looked-up answer (source, confidence, candidates) and any districts an
 * organizer set. Neither table has a foreign key, so the order among the modules does not matter here.
 */
@Component
@Order(400)
class DistrictsPersonalData implements PersonalData {

	/** One subscriber's districts; either part null when there is none. */
	record Districts(long subscriberId, PersonDistrictsStore.Looked lookedUp, PersonDistrictsStore.Set organizerSet) {
	}

	private final PersonDistrictsStore store;

	DistrictsPersonalData(PersonDistrictsStore store) {
		this.store = store;
	}

	@Override
	public String section() {
		return "districts";
	}

	@Override
	public List<Districts> describe(PersonRef person) {
		return person.subscriberIds().stream()
			.map(id -> new Districts(id, store.looked(id).orElse(null), store.set(id).orElse(null)))
			.toList();
	}

	@Override
	public void erase(PersonRef person) {
		person.subscriberIds().forEach(store::delete);
	}

}
