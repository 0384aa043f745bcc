package org.callout.signup.internal;

import java.time.Clock;
import java.util.Optional;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentSource;
import org.callout.platform.AddressHasher;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What the confirmation page's buttons do: confirm, or disown ("this wasn't me"). Only POSTs get here. */
@Service
class ConfirmationService {

	enum Outcome {

		CONFIRMED, ALREADY_CONFIRMED, DISOWNED, NOT_PENDING, EXPIRED, INVALID

	}

	private final ConfirmationLinks links;

	private final Memberships memberships;

	private final Subscribers subscribers;

	private final ConsentLedger ledger;

	private final AddressHasher hasher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ConfirmationService(ConfirmationLinks links, Memberships memberships, Subscribers subscribers, ConsentLedger ledger,
			AddressHasher hasher, TransactionTemplate transactions, Clock clock) {
		this.links = links;
		this.memberships = memberships;
		this.subscribers = subscribers;
		this.ledger = ledger;
		this.hasher = hasher;
		this.transactions = transactions;
		this.clock = clock;
	}

	Outcome confirm(String token, ClientInfo client, String language) {
		return switch (links.check(ConfirmationLinks.CONFIRM, token)) {
			case ConfirmationLinks.Check.Valid valid -> transactions.execute(status -> {
				ConfirmationLinks.Target target = valid.target();
				Optional<ConsentHistoryEntry> grant = grantAnswered(target);
				if (grant.isEmpty()) {
					return Outcome.NOT_PENDING;
				}
				return switch (memberships.confirm(target.subscriberId(), target.listId(), target.nonce(), grant.get().language())) {
					case CONFIRMED -> {
						record(target, grant.get(), ConsentKind.CONFIRMED, client, language);
						yield Outcome.CONFIRMED;
					}
					case ALREADY_CONFIRMED -> Outcome.ALREADY_CONFIRMED;
					case NOT_PENDING -> Outcome.NOT_PENDING;
				};
			});
			case ConfirmationLinks.Check.Expired expired -> Outcome.EXPIRED;
			case ConfirmationLinks.Check.Invalid invalid -> Outcome.INVALID;
		};
	}

	Outcome disown(String token, ClientInfo client, String language) {
		return switch (links.check(ConfirmationLinks.NOT_ME, token)) {
			case ConfirmationLinks.Check.Valid valid -> transactions.execute(status -> {
				ConfirmationLinks.Target target = valid.target();
				Optional<ConsentHistoryEntry> grant = grantAnswered(target);
				if (grant.isEmpty() || !memberships.disown(target.subscriberId(), target.listId(), target.nonce())) {
					return Outcome.NOT_PENDING;
				}
				record(target, grant.get(), ConsentKind.REPORTED_NOT_ME, client, language);
				return Outcome.DISOWNED;
			});
			case ConfirmationLinks.Check.Expired expired -> Outcome.EXPIRED;
			case ConfirmationLinks.Check.Invalid invalid -> Outcome.INVALID;
		};
	}

	/** The latest GRANTED event of this (subscriber, list): the signup a confirmation link answers. */
	private Optional<ConsentHistoryEntry> grantAnswered(ConfirmationLinks.Target target) {
		return ledger.historyOf(target.subscriberId())
			.reversed()
			.stream()
			.filter(e -> e.listId() == target.listId() && e.kind() == ConsentKind.GRANTED)
			.findFirst();
	}

	/** Appends the event, naming the terms version of the grant it answers. */
	private void record(ConfirmationLinks.Target target, ConsentHistoryEntry grant, ConsentKind kind, ClientInfo client,
			String language) {
		Subscriber subscriber = subscribers.byId(target.subscriberId()).orElseThrow();
		ledger.record(new ConsentEvent(subscriber.id(), target.listId(), kind, grant.terms().versionId(), clock.instant(),
				client.ipAddress(), client.userAgent(), ConsentSource.FORM, grant.formId(), null, language,
				hasher.hash(subscriber.email().matchKey())));
	}

}
