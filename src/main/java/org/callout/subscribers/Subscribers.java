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
	 * The subscriber with this address, created if new. Details are refreshed only while nothing of theirs is
	 * confirmed: after that an unauthenticated signup must not be able to rewrite someone's name or address.
	 */
	public Subscriber findOrCreate(NewSubscriber details) {
		return store.insertOrRefresh(details, clock.instant());
	}

	/** The language the person confirmed in becomes theirs. */
	public void adoptLanguage(long subscriberId, String language) {
		store.setLanguage(subscriberId, language);
	}

	public Optional<Subscriber> byEmail(EmailAddress email) {
		return store.byEmail(email);
	}

	public Optional<Subscriber> byId(long id) {
		return store.byId(id);
	}

}
