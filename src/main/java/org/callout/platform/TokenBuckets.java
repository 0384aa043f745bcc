package org.callout.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits as token buckets kept in the database (table {@code relay_budget}, one row per bucket), so every
 * thread and every instance on the database draws from one allowance: the relay's budget in {@code mail}, the
 * blast engine's service-wide rate. Several windows (per second, per hour) are drawn together: one short
 * transaction locks their rows, always in the order of their names, refills them for the time that passed, takes
 * what every window allows and writes them back. Tokens are taken per chunk of work, not per item.
 * <p>
 * Bucket names come from code, never from a request, and are shared by name: two objects naming the same bucket
 * (two instances) share it. Call {@link #take} and {@link #giveBack} outside any transaction, and never one
 * object's inside another's: the rows stay locked until the transaction that locked them ends.
 */
public final class TokenBuckets {

	/** The longest bucket name the table holds ({@code relay_budget.bucket}). */
	public static final int MAX_BUCKET_NAME = 64;

	/**
	 * One window of a limit.
	 *
	 * @param bucket the row's name, from code (e.g. {@code delivery:per-hour})
	 * @param capacity the most tokens the bucket holds: the burst a full bucket allows (at least 1)
	 * @param perSecond how fast it refills
	 */
	public record Window(String bucket, double capacity, double perSecond) {

		public Window {
			if (bucket == null || bucket.isBlank() || bucket.length() > MAX_BUCKET_NAME) {
				throw new IllegalArgumentException("A bucket name is 1 to " + MAX_BUCKET_NAME + " characters: " + bucket);
			}
			// Under one token a bucket would never grant anything, however long one waited.
			if (!(capacity >= 1) || Double.isInfinite(capacity)) {
				throw new IllegalArgumentException("Bucket " + bucket + " needs a capacity of at least 1: " + capacity);
			}
			if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
				throw new IllegalArgumentException("Bucket " + bucket + " needs a positive refill rate: " + perSecond);
			}
		}

		/** {@code limit} a second, a full second's worth at once. */
		public static Window perSecond(String bucket, int limit) {
			return new Window(bucket, limit, limit);
		}

		/** {@code limit} an hour, a full hour's worth at once. */
		public static Window perHour(String bucket, int limit) {
			return new Window(bucket, limit, limit / 3600.0);
		}

	}

	/**
	 * The usual pair of settings ({@code per-second}, {@code per-hour}, 0 meaning no limit) as windows named
	 * {@code <prefix>per-second} and {@code <prefix>per-hour}; none when both are 0.
	 */
	public static List<Window> perSecondAndPerHour(String prefix, int perSecond, int perHour) {
		List<Window> windows = new ArrayList<>(2);
		if (perHour > 0) {
			windows.add(Window.perHour(prefix + "per-hour", perHour));
		}
		if (perSecond > 0) {
			windows.add(Window.perSecond(prefix + "per-second", perSecond));
		}
		return List.copyOf(windows);
	}

	// ON CONFLICT DO NOTHING: another instance may create the row first, and a caught duplicate-key error would
	// abort a PostgreSQL transaction. A new bucket starts full, as a service that just started may send at once.
	private static final String CREATE = """
			INSERT INTO relay_budget (bucket, tokens, refilled_at) VALUES (:bucket, :tokens, :now) ON CONFLICT DO NOTHING""";

	// The row lock serializes the read-refill-write of every thread and instance; rows are always locked in the
	// order of their names, so two takers never wait on each other in a cycle.
	private static final String LOCK = "SELECT tokens, refilled_at FROM relay_budget WHERE bucket = :bucket FOR UPDATE";

	private static final String STORE = "UPDATE relay_budget SET tokens = :tokens, refilled_at = :now WHERE bucket = :bucket";

	// Tokens arrive continuously: a waiting taker asks again after a short nap, not after its whole wait.
	private static final long LONGEST_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final List<Window> windows;

	/**
	 * @param windows drawn together; none means no limit ({@link #take} grants all that is asked); names must differ
	 */
	public TokenBuckets(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, List<Window> windows) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.windows = windows.stream().sorted(Comparator.comparing(Window::bucket)).toList();
		if (new HashSet<>(this.windows.stream().map(Window::bucket).toList()).size() != this.windows.size()) {
			throw new IllegalArgumentException("Two windows name the same bucket: " + windows);
		}
	}

	/** The windows, in the order their rows are locked (by name). */
	public List<Window> windows() {
		return windows;
	}

	/**
	 * Takes up to {@code wanted} tokens from every window at once (all windows give the same number), leaving
	 * {@code reserveFraction} of each window's capacity untouched for other takers, waiting at most {@code maxWait}
	 * for the first token. An interrupted wait ends at once (the interrupt stays set).
	 *
	 * @param reserveFraction from 0 (everything may be taken) to below 1
	 * @return how many may be used now: from 0 (the wait ran out) to {@code wanted}; {@code wanted} when there
	 * are no windows
	 */
	public int take(int wanted, double reserveFraction, Duration maxWait) {
		if (!(reserveFraction >= 0 && reserveFraction < 1)) {
			throw new IllegalArgumentException("A reserve is a fraction from 0 to below 1: " + reserveFraction);
		}
		if (wanted <= 0 || windows.isEmpty()) {
			return Math.max(wanted, 0);
		}
		long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
		while (true) {
			int granted = transactions.execute(status -> takeNow(wanted, reserveFraction));
			long left = deadline - System.nanoTime();
			if (granted > 0 || left <= 0) {
				return granted;
			}
			LockSupport.parkNanos(Math.min(left, LONGEST_NAP_NANOS));
			if (Thread.currentThread().isInterrupted()) {
				return 0;
			}
		}
	}

	/**
	 * Gives back tokens that were taken but not used (a chunk that stopped early, a second limit that granted
	 * fewer), to every window, never above its capacity.
	 */
	public void giveBack(int tokens) {
		if (tokens <= 0 || windows.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			Instant now = now();
			for (Window window : windows) {
				Level level = lockAndRefill(window, now);
				store(window, Math.min(window.capacity(), level.tokens() + tokens), level.at());
			}
		});
	}

	private int takeNow(int wanted, double reserveFraction) {
		Instant now = now();
		List<Level> levels = windows.stream().map(window -> lockAndRefill(window, now)).toList();
		int grant = wanted;
		for (int i = 0; i < windows.size(); i++) {
			// Whole tokens: a reserve of 0.1 of a one-token window would otherwise keep its only token from every
			// taker with a reserve (a relay allowing 1 a second sent no blast at all).
			double reserve = Math.floor(windows.get(i).capacity() * reserveFraction);
			grant = (int) Math.min(grant, Math.max(0, Math.floor(levels.get(i).tokens() - reserve)));
		}
		if (grant > 0) {
			// Nothing taken: nothing to write, the next taker refills from the same row just as well.
			for (int i = 0; i < windows.size(); i++) {
				store(windows.get(i), levels.get(i).tokens() - grant, levels.get(i).at());
			}
		}
		return grant;
	}

	/** Locks the window's row (creating it full if it is missing) and says what it holds at {@code now}. */
	private Level lockAndRefill(Window window, Instant now) {
		Optional<Level> row = lock(window);
		if (row.isEmpty()) {
			jdbc.sql(CREATE).param("bucket", window.bucket()).param("tokens", window.capacity()).param("now", utc(now)).update();
			row = lock(window);
		}
		Level stored = row.orElseThrow(() -> new IllegalStateException("Could not lock the bucket " + window.bucket()));
		// Never move refilled_at back: a taker that read its clock before waiting for the lock (or runs on an instance
		// whose clock is behind) would otherwise make the next one refill the same interval again.
		Instant at = now.isAfter(stored.at()) ? now : stored.at();
		double elapsed = Duration.between(stored.at(), at).toNanos() / 1e9;
		return new Level(Math.min(window.capacity(), stored.tokens() + elapsed * window.perSecond()), at);
	}

	private Optional<Level> lock(Window window) {
		return jdbc.sql(LOCK).param("bucket", window.bucket())
			.query((rs, n) -> new Level(rs.getDouble(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.optional();
	}

	private void store(Window window, double tokens, Instant at) {
		jdbc.sql(STORE).param("bucket", window.bucket()).param("tokens", tokens).param("now", utc(at)).update();
	}

	/** Microseconds, as both databases store them: the next refill then counts exactly the time that passed. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** What a bucket holds, and as of when. */
	private record Level(double tokens, Instant at) {
	}

}
