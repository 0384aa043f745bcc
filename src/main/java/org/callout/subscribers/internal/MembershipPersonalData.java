package org.callout.subscribers.internal;

import java.time.Instant;
import java.util.List;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person's memberships, with each list's status; erased just before the subscriber row they refer to. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 2)
class MembershipPersonalData implements PersonalData {

	/** Without the confirmation nonce, which only the emailed link should carry. */
	record MembershipEntry(long listId, String status, Instant confirmationSentAt) {
	}

	private final MembershipStore memberships;

	private final ErasureStore erasures;

	MembershipPersonalData(MembershipStore memberships, ErasureStore erasures) {
		this.memberships = memberships;
		this.erasures = erasures;
	}

	@Override
	public String section() {
		return "memberships";
	}

	@Override
	public List<MembershipEntry> describe(PersonRef person) {
		return person.subscriberIds().stream()
			.flatMap(id -> memberships.ofSubscriber(id).stream())
			.map(m -> new MembershipEntry(m.listId(), m.status().name(), m.confirmationSentAt()))
			.toList();
	}

	@Override
	public void erase(PersonRef person) {
		person.subscriberIds().forEach(erasures::deleteMemberships);
	}

}
