package org.callout.subscribers.internal.imports;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentSource;
import org.callout.consent.ImportedConsent;
import org.callout.subscribers.ImportedSupporters.PendingConfirmation;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.internal.imports.ImportDataStore.NewMembership;
import org.callout.subscribers.internal.imports.ImportDataStore.NewPerson;
import org.callout.subscribers.internal.imports.RowPlan.Kind;
import org.callout.subscribers.internal.imports.RowPlan.ListAction;

import org.springframework.stereotype.Component;

/**
 * Writes a planned chunk inside the caller's transaction: one batch per statement (subscribers, details,
 * memberships, confirmations, ledger events, pending confirmations, lookups). Imported consent events carry the
 * file's evidence as given, the import's id, and source {@code import}.
 */
@Component
class ImportWriter {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ImportDataStore data;

	private final ImportStore imports;

	private final ConsentLedger ledger;

	ImportWriter(ImportDataStore data, ImportStore imports, ConsentLedger ledger) {
		this.data = data;
		this.imports = imports;
		this.ledger = ledger;
	}

	void write(long importId, List<RowPlan> plans, Instant now) {
		List<NewPerson> people = new ArrayList<>();
		Map<Long, ImportDataStore.Details> changed = new HashMap<>();
		for (RowPlan plan : plans) {
			if (plan.subscriberId() == null && plan.details() != null) {
				String key = plan.row().email().matchKey();
				people.add(new NewPerson(plan.row().email().value(), key, plan.hash(), plan.details()));
			}
			else if (plan.details() != null) {
				changed.put(plan.subscriberId(), plan.details());
			}
		}
		data.insertSubscribers(people, now);
		data.updateDetails(changed);
		Map<String, Long> ids = new HashMap<>();
		data.onFile(people.stream().map(NewPerson::key).toList()).forEach((key, s) -> ids.put(key, s.id()));
		List<NewMembership> joins = new ArrayList<>();
		List<long[]> confirms = new ArrayList<>();
		List<ImportedConsent> events = new ArrayList<>();
		// Per confirmation, in the order of confirms: recorded only for memberships the UPDATE found still pending.
		List<List<ImportedConsent>> confirmEvents = new ArrayList<>();
		List<PendingConfirmation> pending = new ArrayList<>();
		List<Long> lookups = new ArrayList<>();
		for (RowPlan plan : plans) {
			Long id = plan.subscriberId() != null ? plan.subscriberId() : ids.get(plan.row().email().matchKey());
			if (id == null) {
				continue; // Skipped before it was ever on file.
			}
			for (ListAction action : plan.actions()) {
				if (action.kind() == Kind.CONFIRM) {
					confirms.add(new long[] { id, action.listId() });
					confirmEvents.add(events(importId, id, action, plan, now));
				}
				else {
					boolean confirmed = action.kind() == Kind.JOIN_CONFIRMED;
					joins.add(new NewMembership(id, action.listId(), confirmed ? MembershipStatus.CONFIRMED : MembershipStatus.UNCONFIRMED,
							confirmed ? null : nonce()));
					if (!confirmed) {
						pending.add(new PendingConfirmation(id, action.listId(), plan.language()));
					}
					events.addAll(events(importId, id, action, plan, now));
				}
			}
			if (plan.lookUp()) {
				lookups.add(id);
			}
		}
		data.insertMemberships(joins, now);
		boolean[] confirmed = data.confirm(confirms, now);
		for (int i = 0; i < confirmed.length; i++) {
			if (confirmed[i]) {
				events.addAll(confirmEvents.get(i));
			}
		}
		ledger.recordImported(events);
		imports.addPending(importId, pending);
		imports.addLookups(importId, lookups);
	}

	/** GRANTED when the row has consent evidence, and CONFIRMED after it when it has a confirmation too. */
	private static List<ImportedConsent> events(long importId, long subscriberId, ListAction action, RowPlan plan, Instant now) {
		ImportRow.Evidence evidence = plan.row().evidence();
		if (evidence == null) {
			return List.of();
		}
		List<ImportedConsent> events = new ArrayList<>(2);
		events.add(event(importId, subscriberId, action.listId(), ConsentKind.GRANTED, evidence.consentedAt(), plan, now));
		if (action.kind() != Kind.JOIN_UNCONFIRMED) {
			events.add(event(importId, subscriberId, action.listId(), ConsentKind.CONFIRMED, evidence.confirmedAt(), plan, now));
		}
		return events;
	}

	private static ImportedConsent event(long importId, long subscriberId, long listId, ConsentKind kind, Instant at, RowPlan plan,
			Instant now) {
		ImportRow.Evidence evidence = plan.row().evidence();
		ConsentEvent event = new ConsentEvent(subscriberId, listId, kind, evidence.termsVersion(), at, evidence.ip(), null,
				ConsentSource.IMPORT, null, null, plan.language(), plan.hash());
		return new ImportedConsent(event, importId, now, evidence.source(), evidence.text(), evidence.consentedAtCell(),
				evidence.confirmedAtCell());
	}

	private static String nonce() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return java.util.HexFormat.of().formatHex(bytes);
	}

}
