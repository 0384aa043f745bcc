package org.callout.signup.internal;

import java.time.Clock;
import java.time.Instant;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentSource;
import org.callout.consent.ConsentTerms;
import org.callout.subscribers.Membership;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.NewSubscriber;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Component;

/**
 * What a valid signup stores, inside the caller's transaction: the subscriber, the GRANTED consent event and
 * a queued confirmation, unless the address is confirmed already, was mailed within the resend interval, or
 * was disowned. A repeated signup thus adds no consent event: only one that asks for a confirmation does.
 */
@Component
class SignupRecorder {

	private final ConsentLedger ledger;

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final ConfirmationQueue queue;

	private final DisownedAddresses disowned;

	private final SignupProperties properties;

	private final Clock clock;

	SignupRecorder(ConsentLedger ledger, Subscribers subscribers, Memberships memberships, ConfirmationQueue queue,
			DisownedAddresses disowned, SignupProperties properties, Clock clock) {
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.queue = queue;
		this.disowned = disowned;
		this.properties = properties;
		this.clock = clock;
	}

	/** Returns whether a confirmation email was queued. */
	boolean record(ValidSignup signup, SubscriberList list, ConsentTerms current, ClientInfo client, ConsentSource source) {
		Instant now = clock.instant();
		if (disowned.isDisowned(signup.email())) {
			return false; // Disowned: touch nothing, not even the details on file.
		}
		Subscriber subscriber = subscribers.findOrCreate(new NewSubscriber(signup.email(), signup.firstName(),
				signup.lastName(), signup.zip(), signup.streetAddress(), signup.language()));
		Membership membership = memberships.lockForSignup(subscriber.id(), list.id());
		if (membership.status() == MembershipStatus.CONFIRMED) {
			return false;
		}
		Instant lastSent = membership.confirmationSentAt();
		if (lastSent != null && now.isBefore(lastSent.plus(properties.resendInterval()))) {
			return false;
		}
		ledger.record(new ConsentEvent(subscriber.id(), list.id(), ConsentKind.GRANTED, current.versionId(), now,
				client.ipAddress(), client.userAgent(), source, signup.formId(), signup.pageUrl(), signup.language(),
				disowned.hash(signup.email())));
		memberships.confirmationQueued(subscriber.id(), list.id());
		queue.enqueue(subscriber.id(), list.id(), signup.language(), now);
		return true;
	}

}
