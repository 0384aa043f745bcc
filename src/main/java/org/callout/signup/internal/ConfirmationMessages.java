package org.callout.signup.internal;

import java.util.Map;
import java.util.Optional;

import org.callout.mail.MailComposer;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.Messenger;
import org.callout.mail.OutgoingEmail;
import org.callout.mail.RenderedEmail;
import org.callout.subscribers.Membership;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;
import org.callout.subscribers.Suppression;
import org.callout.subscribers.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends one queued confirmation, unless there is nothing left to ask (confirmed or disowned meanwhile) or the
 * address is on the suppression list (then it is refused for good, as an address the relay refused is).
 */
@Component
class ConfirmationMessages {

	/**
	 * What became of a confirmation the transport did not fail.
	 *
	 * @param refusal why it was refused for good without being sent, or null when it is done with
	 */
	record Outcome(String refusal) {

		static final Outcome DONE = new Outcome(null);

		boolean refused() {
			return refusal != null;
		}

	}

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMessages.class);

	private final Subscribers subscribers;

	private final SubscriberLists lists;

	private final Memberships memberships;

	private final DisownedAddresses disowned;

	private final Suppressions suppressions;

	private final ConfirmationEmails emails;

	private final MailComposer composer;

	private final Messenger messenger;

	ConfirmationMessages(Subscribers subscribers, SubscriberLists lists, Memberships memberships, DisownedAddresses disowned,
			Suppressions suppressions, ConfirmationEmails emails, MailComposer composer, Messenger messenger) {
		this.subscribers = subscribers;
		this.lists = lists;
		this.memberships = memberships;
		this.disowned = disowned;
		this.suppressions = suppressions;
		this.emails = emails;
		this.composer = composer;
		this.messenger = messenger;
	}

	/** @throws MailDeliveryException when the transport did not take it */
	Outcome send(ConfirmationQueue.Pending pending) {
		Optional<Membership> membership = memberships.find(pending.subscriberId(), pending.listId());
		if (membership.isEmpty() || membership.get().status() != MembershipStatus.UNCONFIRMED
				|| membership.get().confirmationNonce() == null) {
			return Outcome.DONE; // Confirmed or disowned meanwhile: nothing to ask any more.
		}
		Subscriber subscriber = subscribers.byId(pending.subscriberId()).orElseThrow();
		if (disowned.isDisowned(subscriber.email())) {
			return Outcome.DONE; // The owner disowned a signup meanwhile (perhaps on another list): ask nothing more.
		}
		// An erasure's suppression yields to the person's own new signup: its confirmation is how they come back.
		Optional<Suppression> suppression = suppressions.find(subscriber.email()).filter(s -> !s.yieldsToOwnSignup());
		if (suppression.isPresent()) {
			// Checked here, on the sender's thread, and not when the signup is recorded: the signup's answer and its
			// timing stay the same for every address, so the form tells nobody that an address is suppressed.
			return new Outcome("suppressed: " + suppression.get().reason());
		}
		SubscriberList list = lists.byId(pending.listId()).orElseThrow();
		RenderedEmail email = emails.render(list,
				new ConfirmationLinks.Target(subscriber.id(), list.id(), membership.get().confirmationNonce()), pending.language());
		messenger.send(composer.compose(new OutgoingEmail(subscriber.email(), null, email.subject(), email.text(),
				email.html(), Map.of("Auto-Submitted", "auto-generated"), composer.newMessageId(), composer.returnPath())));
		log.info("Confirmation email for list '{}' sent to {}", list.slug(), subscriber.email());
		return Outcome.DONE;
	}

}
