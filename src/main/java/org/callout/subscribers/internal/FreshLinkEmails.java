package org.callout.subscribers.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.callout.mail.MailComposer;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailTemplates;
import org.callout.mail.Messenger;
import org.callout.mail.OutgoingEmail;
import org.callout.mail.RelayBudget;
import org.callout.mail.RenderedEmail;
import org.callout.platform.CalloutProperties;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;
import org.callout.subscribers.Suppressions;
import org.callout.subscribers.UnsubscribeLinks;
import org.callout.subscribers.UnsubscribeTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Emails a fresh unsubscribe link, naming every list the address has not left yet, to an address that asked
 * for one; an address on no list, or on the suppression list, gets nothing. Runs off the request thread (see
 * {@link FreshLinks}), so it may wait for the relay budget.
 */
@Component
class FreshLinkEmails {

	static final String TEMPLATE = "unsubscribe-link";

	private static final Logger log = LoggerFactory.getLogger(FreshLinkEmails.class);

	private static final Duration BUDGET_WAIT = Duration.ofSeconds(30);

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final SubscriberLists lists;

	private final UnsubscribeLinks links;

	private final MailTemplates templates;

	private final MailComposer composer;

	private final Messenger messenger;

	private final RelayBudget budget;

	private final CalloutProperties callout;

	private final Suppressions suppressions;

	FreshLinkEmails(Subscribers subscribers, Memberships memberships, SubscriberLists lists, UnsubscribeLinks links,
			MailTemplates templates, MailComposer composer, Messenger messenger, RelayBudget budget, CalloutProperties callout,
			Suppressions suppressions) {
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.lists = lists;
		this.links = links;
		this.templates = templates;
		this.composer = composer;
		this.messenger = messenger;
		this.budget = budget;
		this.callout = callout;
		this.suppressions = suppressions;
	}

	/** @return whether an email was handed to the transport */
	boolean sendIfSubscribed(EmailAddress address) {
		Subscriber subscriber = subscribers.byEmail(address).orElse(null);
		if (subscriber == null || suppressions.isSuppressed(address)) {
			return false; // The page said the same either way.
		}
		List<Long> listIds = memberships.of(subscriber.id())
			.stream()
			.filter(m -> m.status() != MembershipStatus.UNSUBSCRIBED)
			.map(m -> m.listId())
			.toList();
		if (listIds.isEmpty()) {
			return false;
		}
		UnsubscribeTarget target = new UnsubscribeTarget(subscriber.id(), listIds, null, false);
		List<Map<String, String>> names = listIds.stream()
			.flatMap(id -> lists.byId(id).stream())
			.map(SubscriberList::name)
			.map(name -> Map.of("name", name))
			.toList();
		RenderedEmail rendered = templates.render(TEMPLATE, subscriber.language(), Map.of("lists", names,
				"unsubscribeUrl", links.url(target).toString(), "organization", callout.organization().name(),
				"postalAddress", callout.organization().postalAddress()));
		// To the stored address, not the one typed: they differ at most in case, and the stored one is known to work.
		var message = composer.compose(new OutgoingEmail(subscriber.email(), null, rendered.subject(), rendered.text(),
				rendered.html(), Map.of(), composer.newMessageId(), composer.returnPath()));
		if (budget.acquire(RelayBudget.Lane.ONE_OFF, 1, BUDGET_WAIT) == 0) {
			log.warn("A fresh unsubscribe link for {} was not sent: the relay budget stayed spent for {}", address, BUDGET_WAIT);
			return false;
		}
		try {
			messenger.send(message);
		}
		catch (MailDeliveryException ex) {
			// Not retried: the person is on the page and can ask again; a relay fault is logged where it pauses sending.
			if (ex.kind() != MailDeliveryException.Kind.RELAY_FAULT && ex.kind() != MailDeliveryException.Kind.PAUSED) {
				log.warn("A fresh unsubscribe link for {} could not be sent", address, ex);
			}
			return false;
		}
		log.info("Fresh unsubscribe link sent to {}", address);
		return true;
	}

}
