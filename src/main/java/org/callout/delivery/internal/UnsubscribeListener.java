package org.callout.delivery.internal;

import java.time.Clock;

import org.callout.subscribers.SubscriberUnsubscribed;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Drops a leaving subscriber's open deliveries inside the unsubscribe's own transaction (a plain synchronous
 * listener, not an after-commit one), so counts show it at once and nothing claimed later reaches them. The lock in
 * {@link MembershipLocks} covers a chunk already claimed.
 */
@Component
class UnsubscribeListener {

	// Only blasts none of whose lists the subscriber is still confirmed on: leaving one list keeps the blasts sent
	// for another. The membership just left is already updated in this transaction. Blast by blast, through
	// deliveries_once (V96: PostgreSQL has no index on the subscriber alone).
	private static final String SKIP = """
			UPDATE deliveries SET status = 'SKIPPED', reason = :reason, next_attempt_at = NULL, updated_at = :now
			WHERE blast_id IN (SELECT r.blast_id FROM delivery_runs r) AND subscriber_id = :subscriber
			  AND status IN ('PENDING', 'DEFERRED')
			  AND NOT EXISTS (SELECT 1 FROM memberships m
			                  WHERE m.subscriber_id = deliveries.subscriber_id AND m.status = 'CONFIRMED'
			                    AND m.list_id IN (SELECT dl.list_id FROM delivery_lists dl WHERE dl.blast_id = deliveries.blast_id))""";

	private final JdbcClient jdbc;

	private final Clock clock;

	UnsubscribeListener(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(SubscriberUnsubscribed event) {
		String reason = event.reason() == SubscriberUnsubscribed.Reason.NOT_ME ? "the address's owner said it was not them"
				: "unsubscribed before it was sent";
		jdbc.sql(SKIP).param("subscriber", event.subscriberId()).param("reason", reason)
			.param("now", DeliveryStore.utc(clock.instant())).update();
	}

}
