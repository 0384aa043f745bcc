package org.callout.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.callout.mail.MailProperties;
import org.callout.mail.RelayBudget;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay budget as token buckets in the database ({@code relay_budget}), one per window, so that every
 * instance on the database draws from the same allowance. One short transaction per chunk: lock the rows,
 * refill them for the time that passed, take what the lane may, write them back.
 */
final class TableRelayBudget implements RelayBudget {

	private record Bucket(String name, double capacity, double perSecond) {
	}

	private static final String CREATE = """
			INSERT INTO relay_budget (bucket, tokens, refilled_at) VALUES (:bucket, :tokens, :now) ON CONFLICT DO NOTHING""";

	// The row lock serializes the read-refill-write of every instance; buckets are always locked in the same
	// order (the list order), so two senders never wait on each other in a cycle.
	private static final String LOCK = "SELECT tokens, refilled_at FROM relay_budget WHERE bucket = :bucket FOR UPDATE";

	private static final String STORE = "UPDATE relay_budget SET tokens = :tokens, refilled_at = :now WHERE bucket = :bucket";

	private static final long LONGEST_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final List<Bucket> buckets;

	private final double oneOffReserve;

	private volatile boolean created;

	TableRelayBudget(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MailProperties.Relay relay) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.oneOffReserve = relay.oneOffReserve();
		this.buckets = Stream.of(
				relay.perHour() > 0 ? new Bucket("per-hour", relay.perHour(), relay.perHour() / 3600.0) : null,
				relay.perSecond() > 0 ? new Bucket("per-second", relay.perSecond(), relay.perSecond()) : null)
			.filter(Objects::nonNull)
			.toList();
	}

	@Override
	public int acquire(Lane lane, int messages, Duration maxWait) {
		if (messages <= 0 || buckets.isEmpty()) {
			return Math.max(messages, 0);
		}
		if (!created) {
			transactions.executeWithoutResult(status -> createRows(clock.instant()));
			created = true;
		}
		long deadline = System.nanoTime() + maxWait.toNanos();
		while (true) {
			int granted = transactions.execute(status -> take(lane, messages));
			long left = deadline - System.nanoTime();
			if (granted > 0 || left <= 0) {
				return granted;
			}
			// Tokens arrive continuously: a short nap, not the whole wait, before asking again.
			LockSupport.parkNanos(Math.min(left, LONGEST_NAP_NANOS));
			if (Thread.currentThread().isInterrupted()) {
				return 0;
			}
		}
	}

	private int take(Lane lane, int wanted) {
		Instant now = clock.instant();
		double[] tokens = new double[buckets.size()];
		Instant[] refilled = new Instant[buckets.size()];
		int grant = wanted;
		for (int i = 0; i < buckets.size(); i++) {
			Bucket bucket = buckets.get(i);
			Row row = jdbc.sql(LOCK).param("bucket", bucket.name())
				.query((rs, n) -> new Row(rs.getDouble(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
				.single();
			// Never move refilled_at back: a sender that read its clock before waiting for the lock (or runs on an
			// instance whose clock is behind) would otherwise make the next one refill the same interval again.
			refilled[i] = now.isAfter(row.refilledAt()) ? now : row.refilledAt();
			double elapsed = Duration.between(row.refilledAt(), refilled[i]).toNanos() / 1e9;
			tokens[i] = Math.min(bucket.capacity(), row.tokens() + elapsed * bucket.perSecond());
			double reserve = lane == Lane.BULK ? bucket.capacity() * oneOffReserve : 0;
			grant = (int) Math.min(grant, Math.max(0, Math.floor(tokens[i] - reserve)));
		}
		for (int i = 0; i < buckets.size(); i++) {
			jdbc.sql(STORE).param("bucket", buckets.get(i).name()).param("tokens", tokens[i] - grant)
				.param("now", OffsetDateTime.ofInstant(refilled[i], ZoneOffset.UTC)).update();
		}
		return grant;
	}

	private record Row(double tokens, Instant refilledAt) {
	}

	private void createRows(Instant now) {
		buckets.forEach(bucket -> jdbc.sql(CREATE).param("bucket", bucket.name()).param("tokens", bucket.capacity())
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update());
	}

}
