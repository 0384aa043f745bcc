package org.callout.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.callout.consent.internal.ConsentErasureStore;
import org.callout.consent.internal.ConsentEventStore;

import org.springframework.stereotype.Service;

/** The append-only record of consent: what each person agreed to, in which words, when and how. */
@Service
public class ConsentLedger {

	private final ConsentEventStore events;

	private final ConsentErasureStore erasures;

	ConsentLedger(ConsentEventStore events, ConsentErasureStore erasures) {
		this.events = events;
		this.erasures = erasures;
	}

	/**
	 * Whether the person of this address asked to be erased and has not confirmed a new signup of their own since:
	 * nobody but they may then make Callout write to the address again.
	 */
	public boolean erasedSinceConfirmed(String addressHash) {
		return erasures.erasedSinceConfirmed(addressHash);
	}

	/** Appends an event; nothing ever edits or removes one (the database refuses it too). */
	public long record(ConsentEvent event) {
		return events.append(event);
	}

	/** Appends imported events in one batch per call (an import's chunk), with their evidence. */
	public void recordImported(List<ImportedConsent> imported) {
		events.appendImported(imported);
	}

	/**
	 * What these addresses chose, oldest first: the choices an import must never override (a withdrawal, a
	 * "this wasn't me") and what came after them. Addresses with no history have no entry.
	 */
	public List<RecordedChoice> choicesOf(Collection<String> addressHashes) {
		return events.choicesOf(addressHashes);
	}

	/** One subscriber's history, oldest first, with the exact words of each terms version. */
	public List<ConsentHistoryEntry> historyOf(long subscriberId) {
		return events.bySubscriber(subscriberId);
	}

	/** The history recorded for an address, found by its keyed hash (survives erasure of the subscriber). */
	public List<ConsentHistoryEntry> historyOfAddress(String addressHash) {
		return events.byAddressHash(addressHash);
	}

	/** Whether the owner of this address said "this wasn't me" at or after {@code since}. */
	public boolean reportedNotMeSince(String addressHash, Instant since) {
		return events.existsSince(addressHash, ConsentKind.REPORTED_NOT_ME, since);
	}

}
