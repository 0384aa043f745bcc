package org.callout.subscribers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.callout.subscribers.internal.MembershipStore;
import org.callout.subscribers.internal.SubscriberStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Per-list consent status. Every method joins the caller's transaction; locks last until it commits. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Memberships {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MembershipStore store;

	private final SubscriberStore subscribers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Memberships(MembershipStore store, SubscriberStore subscribers, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.subscribers = subscribers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The membership of a subscriber on a list, locked until the transaction ends, created UNCONFIRMED if
	 * absent. A person who had left is made UNCONFIRMED again with a fresh nonce, so only a new
	 * confirmation brings them back.
	 */
	public Membership lockForSignup(long subscriberId, long listId) {
		store.insertIfAbsent(subscriberId, listId, newNonce(), clock.instant());
		Membership membership = store.lock(subscriberId, listId);
		if (membership.status() == MembershipStatus.UNSUBSCRIBED) {
			store.reopen(subscriberId, listId, newNonce(), clock.instant());
			membership = store.lock(subscriberId, listId);
		}
		return membership;
	}

	public void confirmationQueued(long subscriberId, long listId) {
		store.confirmationSent(subscriberId, listId, clock.instant());
	}

	/**
	 * Confirms when the nonce is the pending one; a used, replaced or foreign nonce confirms nothing. The
	 * language the person signed up in becomes theirs, and {@link SubscriptionConfirmed} is published.
	 */
	public ConfirmationResult confirm(long subscriberId, long listId, String nonce, String language) {
		Optional<Membership> found = store.find(subscriberId, listId);
		if (found.isEmpty()) {
			return ConfirmationResult.NOT_PENDING;
		}
		Membership membership = store.lock(subscriberId, listId);
		if (membership.status() == MembershipStatus.CONFIRMED) {
			return ConfirmationResult.ALREADY_CONFIRMED;
		}
		if (membership.status() != MembershipStatus.UNCONFIRMED || membership.confirmationNonce() == null
				|| !membership.confirmationNonce().equals(nonce)) {
			return ConfirmationResult.NOT_PENDING;
		}
		Instant now = clock.instant();
		store.setStatus(subscriberId, listId, MembershipStatus.CONFIRMED, null, now);
		subscribers.setLanguage(subscriberId, language);
		events.publishEvent(new SubscriptionConfirmed(subscriberId, listId, language, now));
		return ConfirmationResult.CONFIRMED;
	}

	/** Ends a pending signup the address owner disowned; only the nonce of the emailed link can do it. */
	public boolean disown(long subscriberId, long listId, String nonce) {
		Optional<Membership> found = store.find(subscriberId, listId);
		if (found.isEmpty()) {
			return false;
		}
		Membership membership = store.lock(subscriberId, listId);
		if (membership.status() != MembershipStatus.UNCONFIRMED || !nonce.equals(membership.confirmationNonce())) {
			return false;
		}
		Instant now = clock.instant();
		store.setStatus(subscriberId, listId, MembershipStatus.UNSUBSCRIBED, null, now);
		events.publishEvent(new SubscriberUnsubscribed(subscriberId, listId, SubscriberUnsubscribed.Reason.NOT_ME, now));
		return true;
	}

	/**
	 * Ends a membership at its subscriber's request (an unsubscribe link), pending or confirmed alike, and
	 * publishes {@link SubscriberUnsubscribed}. The nonce goes too, so a confirmation email still in the inbox can
	 * no longer bring the person back. False, publishing nothing, when there is no such membership or it had
	 * ended already: unsubscribing twice records one withdrawal.
	 */
	public boolean unsubscribe(long subscriberId, long listId) {
		if (store.find(subscriberId, listId).isEmpty()) {
			return false;
		}
		Membership membership = store.lock(subscriberId, listId);
		if (membership.status() == MembershipStatus.UNSUBSCRIBED) {
			return false;
		}
		Instant now = clock.instant();
		store.setStatus(subscriberId, listId, MembershipStatus.UNSUBSCRIBED, null, now);
		events.publishEvent(new SubscriberUnsubscribed(subscriberId, listId, SubscriberUnsubscribed.Reason.UNSUBSCRIBED, now));
		return true;
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Membership> find(long subscriberId, long listId) {
		return store.find(subscriberId, listId);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<Membership> of(long subscriberId) {
		return store.ofSubscriber(subscriberId);
	}

	/** Everyone confirmed on at least one list, by id: those who may receive a list's emails. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<Long> confirmedSubscriberIds() {
		return store.confirmedSubscriberIds();
	}

	private static String newNonce() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** What a confirmation attempt did. */
	public enum ConfirmationResult {

		CONFIRMED, ALREADY_CONFIRMED, NOT_PENDING

	}

}
