package org.callout.subscribers.internal;

import java.time.Instant;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The subscriber row: address, names, ZIP, street address, language. Erased last of all, once every row that
 * refers to it by a foreign key (memberships, the confirmation queue) is gone.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ProfilePersonalData implements PersonalData {

	record Profile(long id, String email, String firstName, String lastName, String zip, String streetAddress,
			String language, Instant createdAt) {
	}

	private final SubscriberStore subscribers;

	private final ErasureStore erasures;

	ProfilePersonalData(SubscriberStore subscribers, ErasureStore erasures) {
		this.subscribers = subscribers;
		this.erasures = erasures;
	}

	@Override
	public String section() {
		return "profile";
	}

	/** The subscriber, or null for an address Callout does not hold. */
	@Override
	public Profile describe(PersonRef person) {
		return person.subscriberIds().stream()
			.flatMap(id -> subscribers.byId(id).stream())
			.map(s -> new Profile(s.id(), s.email().value(), s.firstName(), s.lastName(), s.zip(), s.streetAddress(),
					s.language(), s.createdAt()))
			.findFirst()
			.orElse(null);
	}

	@Override
	public void erase(PersonRef person) {
		person.subscriberIds().forEach(erasures::deleteSubscriber);
	}

}
