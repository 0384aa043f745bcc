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
				// A membership an import left unconfirmed may have no grant (the file had no consent evidence) and is
				// asked in its own language: the link's nonce alone proves it answers the email that was sent.
				Optional<ConsentHistoryEntry> grant = grantAnswered(target);
				String grantLanguage = grant.map(ConsentHistoryEntry::language).orElse(language);
				return switch (memberships.confirm(target.subscriberId(), target.listId(), target.nonce(), grantLanguage)) {
					case CONFIRMED -> {
						record(target, grant, ConsentKind.CONFIRMED, client, language);
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
				if (!memberships.disown(target.subscriberId(), target.listId(), target.nonce())) {
					return Outcome.NOT_PENDING;
				}
				record(target, grant, ConsentKind.REPORTED_NOT_ME, client, language);
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

	/** Appends the event, naming the terms version of the grant it answers (an imported grant may name none). */
	private void record(ConfirmationLinks.Target target, Optional<ConsentHistoryEntry> grant, ConsentKind kind, ClientInfo client,
			String language) {
		Subscriber subscriber = subscribers.byId(target.subscriberId()).orElseThrow();
		String terms = grant.map(ConsentHistoryEntry::terms).map(t -> t.versionId()).orElse(null);
		ledger.record(new ConsentEvent(subscriber.id(), target.listId(), kind, terms, clock.instant(), client.ipAddress(),
				client.userAgent(), ConsentSource.FORM, grant.map(ConsentHistoryEntry::formId).orElse(null), null, language,
				hasher.hash(subscriber.email().matchKey())));
	}

}
