package org.callout.mail.internal;

import java.time.Clock;
import java.time.Duration;

import org.callout.mail.MailProperties;
import org.callout.mail.RelayBudget;
import org.callout.platform.TokenBuckets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay budget as the platform's {@link TokenBuckets}, one per window ({@code per-hour}, {@code per-second}:
 * the names rows in {@code relay_budget} have always had), so that every instance on the database draws from the
 * same allowance. The bulk lane leaves {@code one-off-reserve} of each window to the one-off lane.
 */
final class TableRelayBudget implements RelayBudget {

	private final TokenBuckets buckets;

	private final double oneOffReserve;

	TableRelayBudget(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MailProperties.Relay relay) {
		this.buckets = new TokenBuckets(jdbc, transactions, clock,
				TokenBuckets.perSecondAndPerHour("", relay.perSecond(), relay.perHour()));
		this.oneOffReserve = relay.oneOffReserve();
	}

	@Override
	public int acquire(Lane lane, int messages, Duration maxWait) {
		return buckets.take(messages, lane == Lane.BULK ? oneOffReserve : 0, maxWait);
	}

	@Override
	public void giveBack(int messages) {
		buckets.giveBack(messages);
	}

}
