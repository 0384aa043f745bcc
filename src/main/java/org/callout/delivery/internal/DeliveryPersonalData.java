package org.callout.delivery.internal;

import java.time.Clock;
import java.util.List;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The blast emails sent (or not) to the person: one record per blast, with the relay's reply. */
@Component
@Order(200)
class DeliveryPersonalData implements PersonalData {

	private final DeliveryPersonalDataStore store;

	private final Clock clock;

	DeliveryPersonalData(DeliveryPersonalDataStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "deliveries";
	}

	@Override
	public List<DeliveryPersonalDataStore.Record> describe(PersonRef person) {
		return person.subscriberIds().stream().flatMap(id -> store.of(id).stream()).toList();
	}

	@Override
	public void erase(PersonRef person) {
		person.subscriberIds().forEach(id -> store.erase(id, clock.instant()));
	}

}
