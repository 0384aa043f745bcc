package org.callout.delivery.internal;

import java.time.Clock;
import java.time.Duration;

import org.callout.delivery.DeliveryProperties;
import org.callout.mail.RelayBudget;
import org.callout.platform.TokenBuckets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The blast engine's own rate ({@code callout.delivery.per-second}, {@code per-hour}) for the whole service, on top
 * of the relay budget's bulk lane: both are token buckets in the database, drawn once per chunk by every instance.
 */
@Component
class DeliveryRate {

	private static final Duration WAIT = Duration.ofSeconds(2);

	private final TokenBuckets own;

	private final RelayBudget relay;

	private final TransactionTemplate outside;

	DeliveryRate(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, DeliveryProperties properties,
			RelayBudget relay) {
		this.own = new TokenBuckets(jdbc, new TransactionTemplate(transactions), clock,
				TokenBuckets.perSecondAndPerHour("delivery:", (int) Math.ceil(properties.perSecond()),
						(int) Math.ceil(properties.perHour())));
		this.relay = relay;
		// Drawn from inside a chunk's transaction: suspended, so that the bucket rows are locked only for the draw
		// and never while a chunk is sent.
		this.outside = new TransactionTemplate(transactions);
		this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
	}

	/** Up to {@code wanted} messages that may go now (0 when the wait ran out). */
	int take(int wanted) {
		return outside.execute(status -> {
			int ours = own.take(wanted, 0, WAIT);
			if (ours == 0) {
				return 0;
			}
			int granted = relay.acquire(RelayBudget.Lane.BULK, ours, WAIT);
			if (granted < ours) {
				own.giveBack(ours - granted);
			}
			return granted;
		});
	}

	/** Tokens taken for messages that were then not handed to SMTP. */
	void giveBack(int unused) {
		if (unused > 0) {
			outside.executeWithoutResult(status -> {
				own.giveBack(unused);
				relay.giveBack(unused);
			});
		}
	}

}
