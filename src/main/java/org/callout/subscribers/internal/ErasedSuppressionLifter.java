package org.callout.subscribers.internal;

import org.callout.subscribers.SubscriptionConfirmed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A person who was erased and then signed up again on their own is back once they confirm: their confirmation (only
 * the emailed link's nonce reaches {@code Memberships.confirm}) lifts the {@code erased} suppression, and no other
 * reason. A plain synchronous listener, so the lift commits with the confirmation and a blast snapshot that sees the
 * confirmed membership also sees the address unsuppressed.
 */
@Component
class ErasedSuppressionLifter {

	private final SuppressionStore suppressions;

	ErasedSuppressionLifter(SuppressionStore suppressions) {
		this.suppressions = suppressions;
	}

	@EventListener
	void on(SubscriptionConfirmed event) {
		suppressions.liftErasedOf(event.subscriberId());
	}

}
