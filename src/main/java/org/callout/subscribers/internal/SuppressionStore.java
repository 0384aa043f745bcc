package org.callout.subscribers.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.callout.subscribers.Suppression;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the suppression list, keyed by the address's keyed hash. */
@Repository
public class SuppressionStore {

	// The first suppression wins: a later one (the same bounce reported twice, two instances at once) changes
	// nothing, and never aborts the caller's transaction as a caught duplicate-key error would on PostgreSQL.
	// A concurrent insert of the same hash waits for the first to commit, then does nothing.
	private static final String INSERT_IF_ABSENT = """
			INSERT INTO suppressed_addresses (address_hash, reason, detail, source, suppressed_at)
			VALUES (:hash, :reason, :detail, :source, :now)
			ON CONFLICT DO NOTHING""";

	private static final String EXISTS = "SELECT COUNT(*) FROM suppressed_addresses WHERE address_hash = :hash";

	private static final String FIND = """
			SELECT reason, detail, source, suppressed_at FROM suppressed_addresses WHERE address_hash = :hash""";

	private static final String DELETE = "DELETE FROM suppressed_addresses WHERE address_hash = :hash";

	// A person's own confirmation ends the suppression their erasure left, and no other: a bounce or an organizer's
	// suppression holds whatever the person does. Keyed through the subscriber row, which carries the same hash.
	private static final String LIFT_ERASED_OF_SUBSCRIBER = """
			DELETE FROM suppressed_addresses
			WHERE reason = 'erased' AND address_hash = (SELECT s.email_hash FROM subscribers s WHERE s.id = :id)""";

	private final JdbcClient jdbc;

	SuppressionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Returns whether a row was added. */
	public void clearDetail(String hash) {
		jdbc.sql("UPDATE suppressed_addresses SET detail = NULL WHERE address_hash = :hash").param("hash", hash).update();
	}

	public boolean insertIfAbsent(String hash, String reason, String detail, String source, Instant now) {
		return jdbc.sql(INSERT_IF_ABSENT)
			.param("hash", hash)
			.param("reason", reason)
			.param("detail", detail)
			.param("source", source)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	public boolean exists(String hash) {
		return jdbc.sql(EXISTS).param("hash", hash).query(Long.class).single() > 0;
	}

	public Optional<Suppression> find(String hash) {
		return jdbc.sql(FIND)
			.param("hash", hash)
			.query((rs, row) -> new Suppression(rs.getString("reason"), rs.getString("detail"), rs.getString("source"),
					rs.getObject("suppressed_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Returns whether the subscriber's address had an erasure's suppression, now lifted. */
	public boolean liftErasedOf(long subscriberId) {
		return jdbc.sql(LIFT_ERASED_OF_SUBSCRIBER).param("id", subscriberId).update() == 1;
	}

	/** Returns whether there was a row. */
	public boolean delete(String hash) {
		return jdbc.sql(DELETE).param("hash", hash).update() == 1;
	}

}
