package org.callout.consent.internal;

import java.util.List;

import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentLedger;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: the consent history of one subscriber, oldest first, with the exact words they saw. */
@RestController
class ConsentHistoryController {

	private final ConsentLedger ledger;

	private final AddressHasher hasher;

	ConsentHistoryController(ConsentLedger ledger, AddressHasher hasher) {
		this.ledger = ledger;
		this.hasher = hasher;
	}

	@GetMapping("/api/v1/subscribers/{id}/consent-history")
	List<ConsentHistoryEntry> bySubscriber(@PathVariable long id) {
		return ledger.historyOf(id);
	}

	/** By address, which also finds the history of an erased subscriber (matched on the keyed hash). */
	@GetMapping("/api/v1/consent-history")
	List<ConsentHistoryEntry> byAddress(@RequestParam String email) {
		return ledger.historyOfAddress(hasher.hash(EmailAddress.parseField("email", email).matchKey()));
	}

}
