package org.callout.subscribers;

import java.time.Clock;
import java.util.List;

import org.callout.subscribers.internal.imports.ImportStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other modules need of a finished CSV import: whom to look up, whom to ask for a confirmation. */
@Service
public class ImportedSupporters {

	/**
	 * A membership an import created unconfirmed, to be asked for a confirmation.
	 *
	 * @param subscriberId the subscriber
	 * @param listId the list
	 * @param language the language to ask in
	 */
	public record PendingConfirmation(long subscriberId, long listId, String language) {
	}

	private final ImportStore store;

	private final Clock clock;

	ImportedSupporters(ImportStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The memberships of this import not yet asked and still unconfirmed, marked asked in the caller's
	 * transaction (so a rollback asks them again, and a commit never twice) with their confirmation_sent_at set.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<PendingConfirmation> claimConfirmations(long importId) {
		return store.claimConfirmations(importId, clock.instant());
	}

	/** Subscribers whose districts the import made due: confirmed, with a new or changed ZIP or street address. */
	public List<Long> dueForLookup(long importId) {
		return store.dueForLookup(importId);
	}

}
