package org.callout.subscribers.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentLedger;
import org.callout.platform.AddressHasher;
import org.callout.platform.AuditLog;
import org.callout.platform.EmailAddress;
import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;
import org.callout.subscribers.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access requests and erasures: everything Callout holds about an address, collected from every module's
 * {@link PersonalData} bean, and its removal by all of them in one transaction, in their {@code @Order}.
 * Both treat an unknown address like a known one: the same document shape, the same work, the same answer.
 */
@Service
public class PersonalDataRequests {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataRequests.class);

	private final List<PersonalData> parts;

	private final SubscriberStore subscribers;

	private final ConsentLedger ledger;

	private final AddressHasher hasher;

	private final ErasureStore erasures;

	private final PersonWrites personWrites;

	private final AuditLog audit;

	PersonalDataRequests(List<PersonalData> parts, SubscriberStore subscribers, ConsentLedger ledger, AddressHasher hasher,
			ErasureStore erasures, PersonWrites personWrites, AuditLog audit) {
		this.audit = audit;
		this.personWrites = personWrites;
		this.parts = List.copyOf(parts);
		this.subscribers = subscribers;
		this.ledger = ledger;
		this.hasher = hasher;
		this.erasures = erasures;
	}

	/** One section per module part, in their order; each section empty (or null) for an unknown address. */
	@Transactional(readOnly = true)
	Map<String, Object> access(EmailAddress address) {
		PersonRef person = person(address);
		Map<String, Object> document = new LinkedHashMap<>();
		parts.forEach(part -> document.put(part.section(), part.describe(person)));
		return document;
	}

	/** An organizer's erasure (the API's or the console's), with its audit entry in the same transaction. */
	@Transactional
	public void eraseAsked(EmailAddress address) {
		erase(address);
		// Who asked for an erasure and when, never whose: the log is append-only and the person is gone.
		audit.record("subscriber.erase", "erasure", null);
	}

	@Transactional
	void erase(EmailAddress address) {
		// Before reading who the person is: an import chunk in progress either committed them already or waits.
		personWrites.lock();
		PersonRef person = person(address);
		erasures.lockMemberships(person.subscriberIds());
		parts.forEach(part -> part.erase(person));
		// Not the address, masked or not: the log would keep what the erasure removed.
		log.info("An erasure removed {} subscriber row(s) and kept the address's keyed hash on the suppression list",
				person.subscriberIds().size());
	}

	private PersonRef person(EmailAddress address) {
		String hash = hasher.hash(address.matchKey());
		List<Long> ids = subscribers.byEmail(address).map(Subscriber::id).stream().toList();
		List<String> ips = ledger.historyOfAddress(hash).stream()
			.map(ConsentHistoryEntry::ipAddress)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return new PersonRef(hash, ids, ips);
	}

}
