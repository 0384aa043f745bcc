package org.callout.subscribers;

import java.time.Clock;
import java.util.Optional;

import org.callout.platform.EmailAddress;
import org.callout.subscribers.internal.SubscriberStore;

import org.springframework.stereotype.Service;

/** Subscribers, one per address whatever its case. */
@Service
public class Subscribers {

	private final SubscriberStore store;

	private final Clock clock;

	Subscribers(SubscriberStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The subscriber with this address, created if new. An existing subscriber is returned unchanged: an
	 * unauthenticated signup must not be able to rewrite someone else's name or address.
	 */
	public Subscriber findOrCreate(NewSubscriber details) {
		return store.insertIfAbsent(details, clock.instant());
	}

	public Optional<Subscriber> byEmail(EmailAddress email) {
		return store.byEmail(email);
	}

	public Optional<Subscriber> byId(long id) {
		return store.byId(id);
	}

}
