package org.callout.subscribers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.NewSubscriber;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberDetails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for subscribers. */
@Repository
public class SubscriberStore {

	private static final String COLUMNS = "SELECT id, email, first_name, last_name, zip, street_address, language, created_at "
			+ "FROM subscribers ";

	// Concurrent signups of one address all try this insert; the unique email_key lets exactly one win and
	// the others fall through to the SELECT, without aborting their transaction (as a caught duplicate-key
	// error would on PostgreSQL). email_hash is the keyed hash of email_key, which SQL cannot compute: every
	// row gets it here, so that snapshots can leave suppressed addresses out (Suppressions.NOT_SUPPRESSED).
	private static final String INSERT_IF_ABSENT = """
			INSERT INTO subscribers (email, email_key, email_hash, first_name, last_name, zip, street_address, language, created_at)
			VALUES (:email, :key, :hash, :first, :last, :zip, :street, :language, :now)
			ON CONFLICT DO NOTHING""";

	// A later signup may correct the details of someone who has confirmed nothing yet (the real owner after a
	// stranger, or a typo fixed); once any membership is confirmed, an unauthenticated signup changes nothing.
	private static final String REFRESH_UNCONFIRMED = """
			UPDATE subscribers SET first_name = :first, last_name = :last, zip = :zip, street_address = :street,
			       language = :language
			WHERE email_key = :key
			  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.subscriber_id = subscribers.id AND m.status = 'CONFIRMED')""";

	private static final String UPDATE_DETAILS = """
			UPDATE subscribers SET first_name = :first, last_name = :last, zip = :zip, street_address = :street,
			       language = :language
			WHERE id = :id""";

	private static final String SET_LANGUAGE = "UPDATE subscribers SET language = :language WHERE id = :id";

	private final JdbcClient jdbc;

	private final AddressHasher hasher;

	SubscriberStore(JdbcClient jdbc, AddressHasher hasher) {
		this.jdbc = jdbc;
		this.hasher = hasher;
	}

	/**
	 * The subscriber with this address: created from {@code details} if there is none, refreshed from them if
	 * nothing of theirs is confirmed yet, left alone otherwise.
	 */
	public Subscriber insertOrRefresh(NewSubscriber details, Instant now) {
		int inserted = jdbc.sql(INSERT_IF_ABSENT)
			.params(params(details.details()))
			.param("email", details.email().value())
			.param("key", details.email().matchKey())
			.param("hash", hasher.hash(details.email().matchKey()))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		if (inserted == 0) {
			jdbc.sql(REFRESH_UNCONFIRMED).params(params(details.details())).param("key", details.email().matchKey()).update();
		}
		return byEmail(details.email()).orElseThrow();
	}

	public void updateDetails(long id, SubscriberDetails details) {
		jdbc.sql(UPDATE_DETAILS).params(params(details)).param("id", id).update();
	}

	private static Map<String, Object> params(SubscriberDetails details) {
		Map<String, Object> params = new HashMap<>();
		params.put("first", details.firstName());
		params.put("last", details.lastName());
		params.put("zip", details.zip());
		params.put("street", details.streetAddress());
		params.put("language", details.language());
		return params;
	}

	public void setLanguage(long id, String language) {
		jdbc.sql(SET_LANGUAGE).param("id", id).param("language", language).update();
	}

	public Optional<Subscriber> byEmail(EmailAddress email) {
		return jdbc.sql(COLUMNS + "WHERE email_key = :key").param("key", email.matchKey()).query(SubscriberStore::subscriber).optional();
	}

	public Optional<Subscriber> byId(long id) {
		return jdbc.sql(COLUMNS + "WHERE id = :id").param("id", id).query(SubscriberStore::subscriber).optional();
	}

	/**
	 * Subscribers whose address starts with {@code prefix} (case-insensitive, as {@code email_key} is), by id
	 * after {@code afterId}: a page at a time, never everyone at once.
	 */
	public java.util.List<Subscriber> search(String prefix, long afterId, int limit) {
		String pattern = prefix.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql(COLUMNS + "WHERE email_key LIKE :pattern ESCAPE '\\' AND id > :after ORDER BY id LIMIT :limit")
			.param("pattern", pattern)
			.param("after", afterId)
			.param("limit", limit)
			.query(SubscriberStore::subscriber)
			.list();
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
