package org.callout.subscribers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.callout.platform.EmailAddress;
import org.callout.subscribers.NewSubscriber;
import org.callout.subscribers.Subscriber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for subscribers. */
@Repository
public class SubscriberStore {

	private static final String COLUMNS = "SELECT id, email, first_name, last_name, zip, street_address, language, created_at "
			+ "FROM subscribers ";

	// Concurrent signups of one address all try this insert; the unique email_key lets exactly one win and
	// the others fall through to the SELECT, without aborting their transaction (as a caught duplicate-key
	// error would on PostgreSQL).
	private static final String INSERT_IF_ABSENT = """
			INSERT INTO subscribers (email, email_key, first_name, last_name, zip, street_address, language, created_at)
			VALUES (:email, :key, :first, :last, :zip, :street, :language, :now)
			ON CONFLICT DO NOTHING""";

	private final JdbcClient jdbc;

	SubscriberStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The subscriber with this address; created from {@code details} only if there is none. */
	public Subscriber insertIfAbsent(NewSubscriber details, Instant now) {
		jdbc.sql(INSERT_IF_ABSENT)
			.param("email", details.email().value())
			.param("key", details.email().matchKey())
			.param("first", details.firstName())
			.param("last", details.lastName())
			.param("zip", details.zip())
			.param("street", details.streetAddress())
			.param("language", details.language())
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		return byEmail(details.email()).orElseThrow();
	}

	public Optional<Subscriber> byEmail(EmailAddress email) {
		return jdbc.sql(COLUMNS + "WHERE email_key = :key").param("key", email.matchKey()).query(SubscriberStore::subscriber).optional();
	}

	public Optional<Subscriber> byId(long id) {
		return jdbc.sql(COLUMNS + "WHERE id = :id").param("id", id).query(SubscriberStore::subscriber).optional();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM subscribers").query(Long.class).single();
	}

	private static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
		return new Subscriber(rs.getLong("id"), new EmailAddress(rs.getString("email")), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("zip"), rs.getString("street_address"), rs.getString("language"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
