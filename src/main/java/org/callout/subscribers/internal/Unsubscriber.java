package org.callout.subscribers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentSource;
import org.callout.platform.AddressHasher;
import org.callout.subscribers.Membership;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;
import org.callout.subscribers.UnsubscribeTarget;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaves lists for a verified unsubscribe link: each membership becomes UNSUBSCRIBED, with a WITHDRAWN event
 * in the consent ledger and a published {@code SubscriberUnsubscribed}, all in one transaction that commits
 * before the answer is sent. A test send's link never reaches here. An organizer may do the same through the API
 * for an opt-out that came another way.
 */
@Service
class Unsubscriber {

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final ConsentLedger ledger;

	private final AddressHasher hasher;

	private final Clock clock;

	Unsubscriber(Subscribers subscribers, Memberships memberships, ConsentLedger ledger, AddressHasher hasher, Clock clock) {
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.ledger = ledger;
		this.hasher = hasher;
		this.clock = clock;
	}

	/**
	 * @param everything every membership of the subscriber, not only the lists the link names
	 * @param language the language the person was addressed in, or null for their own
	 * @return the lists left now (empty when they had been left already)
	 */
	@Transactional
	public List<Long> unsubscribe(UnsubscribeTarget target, boolean everything, Requester requester, ConsentSource source,
			String language) {
		if (target.test()) {
			throw new IllegalArgumentException("A test send's link records nothing");
		}
		// Erased since the email was sent: there is nothing left to stop.
		return subscribers.byId(target.subscriberId())
			.map(subscriber -> leave(subscriber, everything ? null : target.listIds(), requester, source, language))
			.orElse(List.of());
	}

	/**
	 * An organizer honouring an opt-out that arrived another way (the List-Unsubscribe mailbox, a phone call).
	 *
	 * @param listIds the lists to leave, or null for every list
	 */
	@Transactional
	public List<Long> unsubscribe(Subscriber subscriber, List<Long> listIds, Requester requester) {
		return leave(subscriber, listIds, requester, ConsentSource.API, null);
	}

	private List<Long> leave(Subscriber subscriber, List<Long> listIds, Requester requester, ConsentSource source,
			String language) {
		// Sorted, so two requests for one person lock their memberships in the same order and never deadlock.
		List<Long> lists = (listIds == null ? memberships.of(subscriber.id()).stream().map(Membership::listId).toList() : listIds)
			.stream()
			.distinct()
			.sorted()
			.toList();
		Instant now = clock.instant();
		String hash = hasher.hash(subscriber.email().matchKey());
		List<Long> left = new ArrayList<>();
		for (long listId : lists) {
			if (memberships.unsubscribe(subscriber.id(), listId)) {
				ledger.record(new ConsentEvent(subscriber.id(), listId, ConsentKind.WITHDRAWN, null, now, requester.ipAddress(),
						requester.userAgent(), source, null, null, language == null ? subscriber.language() : language, hash));
				left.add(listId);
			}
		}
		return List.copyOf(left);
	}

}
