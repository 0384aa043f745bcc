package org.callout.subscribers.internal;

import java.util.List;

import org.callout.platform.AddressHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code subscribers.email_hash} for rows written before it existed (or by an older instance still
 * running during an upgrade): SQL cannot compute the keyed hash, so Java does, in batches keyed by id, each in
 * its own short transaction. Idempotent, and safe for several instances at once: each row is only ever given
 * the one value its {@code email_key} hashes to.
 * <p>
 * It runs at start-up, synchronously, once every bean exists ({@link SmartInitializingSingleton}): after Flyway,
 * and before the context finishes refreshing, which is when the web server starts taking requests and the
 * scheduled senders (confirmations, blasts) start. A failure stops the start-up: an instance that could not
 * fill the hashes must not send, as its snapshots would not see who is suppressed.
 */
@Component
public class EmailHashBackfill implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(EmailHashBackfill.class);

	static final int BATCH_SIZE = 500;

	// Keyed by id rather than re-selecting "WHERE email_hash IS NULL" from the start: every pass moves on even
	// if a row it read was filled by another instance meanwhile, or is skipped below.
	private static final String WITHOUT_HASH = """
			SELECT id, email_key FROM subscribers WHERE email_hash IS NULL AND id > :after ORDER BY id LIMIT :limit""";

	// Only a row still without its hash: another instance may have filled it since the read, with the same value.
	private static final String FILL = "UPDATE subscribers SET email_hash = ? WHERE id = ? AND email_hash IS NULL";

	private record Row(long id, String emailKey) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final AddressHasher hasher;

	private final TransactionTemplate transactions;

	private volatile boolean done;

	EmailHashBackfill(JdbcClient jdbc, JdbcTemplate batch, AddressHasher hasher, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.hasher = hasher;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int filled = fill();
		if (filled > 0) {
			log.info("Filled the address hash of {} subscriber(s) written before it was kept", filled);
		}
		else {
			log.debug("Every subscriber has its address hash");
		}
		done = true;
	}

	/** Whether the start-up pass has finished. */
	public boolean done() {
		return done;
	}

	/** Fills every row without its hash; returns how many it filled. */
	public int fill() {
		return fill(BATCH_SIZE);
	}

	/** The same in batches of {@code batchSize} rows. */
	public int fill(int batchSize) {
		int filled = 0;
		long after = 0;
		while (true) {
			long from = after;
			List<Row> rows = jdbc.sql(WITHOUT_HASH)
				.param("after", from)
				.param("limit", batchSize)
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("email_key")))
				.list();
			if (rows.isEmpty()) {
				return filled;
			}
			filled += transactions.execute(status -> fillBatch(rows));
			after = rows.getLast().id();
		}
	}

	private int fillBatch(List<Row> rows) {
		int filled = 0;
		for (int count : batch.batchUpdate(FILL, rows.stream().map(r -> new Object[] { hasher.hash(r.emailKey()), r.id() }).toList())) {
			// A driver may answer SUCCESS_NO_INFO (-2) for a batched statement: count it as one.
			filled += count == 0 ? 0 : 1;
		}
		return filled;
	}

}
