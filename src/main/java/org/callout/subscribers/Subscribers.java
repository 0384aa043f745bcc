package org.callout.subscribers;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.callout.platform.EmailAddress;
import org.callout.subscribers.internal.SubscriberStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subscribers, one per address whatever its case. */
@Service
public class Subscribers {

	private final SubscriberStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Subscribers(SubscriberStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The subscriber with this address, created if new. Details are refreshed only while nothing of theirs is
	 * confirmed: after that an unauthenticated signup must not be able to rewrite someone's name or address.
	 */
	public Subscriber findOrCreate(NewSubscriber details) {
		Optional<Subscriber> before = store.byEmail(details.email());
		Subscriber after = store.insertOrRefresh(details, clock.instant());
		before.ifPresent(known -> publishIfAddressChanged(known, after));
		return after;
	}

	/**
	 * An organizer's correction. Publishes {@link SubscriberDetailsChanged} when the ZIP or street address
	 * changed, so derived facts (districts) are looked up again. Empty when there is no such subscriber.
	 */
	@Transactional
	public Optional<Subscriber> correct(long id, SubscriberDetails details) {
		Optional<Subscriber> before = store.byId(id);
		if (before.isEmpty()) {
			return before;
		}
		store.updateDetails(id, details);
		Subscriber after = store.byId(id).orElseThrow();
		publishIfAddressChanged(before.get(), after);
		return Optional.of(after);
	}

	private void publishIfAddressChanged(Subscriber before, Subscriber after) {
		if (!Objects.equals(before.zip(), after.zip()) || !Objects.equals(before.streetAddress(), after.streetAddress())) {
			events.publishEvent(new SubscriberDetailsChanged(after.id(), clock.instant()));
		}
	}

	public Optional<Subscriber> byEmail(EmailAddress email) {
		return store.byEmail(email);
	}

	/** A page of subscribers whose address starts with {@code prefix}, ids after {@code afterId}, oldest first. */
	public java.util.List<Subscriber> search(String prefix, long afterId, int limit) {
		return store.search(prefix, afterId, limit);
	}

	public Optional<Subscriber> byId(long id) {
		return store.byId(id);
	}

}
