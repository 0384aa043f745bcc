package org.callout.signup.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.callout.consent.ConsentLedger;
import org.callout.mail.MailComposer;
import org.callout.mail.MailTemplates;
import org.callout.mail.Messenger;
import org.callout.mail.OutgoingEmail;
import org.callout.mail.RenderedEmail;
import org.callout.platform.AddressHasher;
import org.callout.platform.CalloutProperties;
import org.callout.subscribers.Membership;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One confirmation email: rendered in the signup's language from the templates organizers edit, with its
 * signed links, and handed to the messenger. Skipped when there is nothing left to ask.
 */
@Component
class ConfirmationMessages {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMessages.class);

	private final Subscribers subscribers;

	private final SubscriberLists lists;

	private final Memberships memberships;

	private final ConfirmationLinks links;

	private final MailTemplates templates;

	private final MailComposer composer;

	private final Messenger messenger;

	private final CalloutProperties callout;

	private final SignupProperties properties;

	private final ConsentLedger ledger;

	private final AddressHasher hasher;

	private final Clock clock;

	ConfirmationMessages(Subscribers subscribers, SubscriberLists lists, Memberships memberships, ConfirmationLinks links,
			MailTemplates templates, MailComposer composer, Messenger messenger, CalloutProperties callout,
			SignupProperties properties, ConsentLedger ledger, AddressHasher hasher, Clock clock) {
		this.subscribers = subscribers;
		this.lists = lists;
		this.memberships = memberships;
		this.links = links;
		this.templates = templates;
		this.composer = composer;
		this.messenger = messenger;
		this.callout = callout;
		this.properties = properties;
		this.ledger = ledger;
		this.hasher = hasher;
		this.clock = clock;
	}

	/** @throws org.callout.mail.MailDeliveryException when the transport did not take it */
	void send(ConfirmationQueue.Pending pending) {
		Optional<Membership> membership = memberships.find(pending.subscriberId(), pending.listId());
		if (membership.isEmpty() || membership.get().status() != MembershipStatus.UNCONFIRMED
				|| membership.get().confirmationNonce() == null) {
			return; // Confirmed or disowned meanwhile: nothing to ask any more.
		}
		Subscriber subscriber = subscribers.byId(pending.subscriberId()).orElseThrow();
		if (ledger.reportedNotMeSince(hasher.hash(subscriber.email().matchKey()), clock.instant().minus(properties.notMeQuietPeriod()))) {
			return; // The owner disowned a signup meanwhile (perhaps on another list): ask nothing more.
		}
		SubscriberList list = lists.byId(pending.listId()).orElseThrow();
		ConfirmationLinks.Target target = new ConfirmationLinks.Target(subscriber.id(), list.id(),
				membership.get().confirmationNonce());
		Map<String, Object> model = new HashMap<>();
		model.put("listName", list.name());
		model.put("organization", callout.organization().name());
		model.put("postalAddress", callout.organization().postalAddress());
		model.put("privacyPolicyUrl", callout.organization().privacyPolicyUrl().toString());
		model.put("confirmUrl", links.url(ConfirmationLinks.CONFIRM, target, pending.language()));
		model.put("notMeUrl", links.url(ConfirmationLinks.NOT_ME, target, pending.language()));
		model.put("expiresInDays", properties.confirmationLinkTtl().toDays());
		RenderedEmail email = templates.render("confirm-subscription", pending.language(), model);
		// No name in the greeting or the To line: whatever a stranger types there would otherwise be mailed,
		// in the organization's name, to an inbox of their choosing.
		messenger.send(composer.compose(new OutgoingEmail(subscriber.email(), null, email.subject(), email.text(),
				email.html(), Map.of("Auto-Submitted", "auto-generated"), composer.newMessageId(), composer.returnPath())));
		log.info("Confirmation email for list '{}' sent to {}", list.slug(), subscriber.email());
	}

}
