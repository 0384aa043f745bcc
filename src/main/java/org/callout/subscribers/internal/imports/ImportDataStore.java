package org.callout.subscribers.internal.imports;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.callout.subscribers.MembershipStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An import's SQL over subscribers and memberships, set-wise: each chunk is read with one query per table
 * ({@code IN} lists of at most a chunk) and written with one JDBC batch per statement, never a round trip per row.
 */
@Repository
class ImportDataStore {

	/** A subscriber on file, with what an import compares. */
	record OnFile(long id, String emailKey, Details details) {
	}

	/** The details an import may set. */
	record Details(String firstName, String lastName, String zip, String streetAddress, String language) {
	}

	/** A membership to insert. */
	record NewMembership(long subscriberId, long listId, MembershipStatus status, String nonce) {
	}

	private static final String ON_FILE = """
			SELECT id, email_key, first_name, last_name, zip, street_address, language FROM subscribers
			WHERE email_key IN (:keys)""";

	private static final String MEMBERSHIPS = "SELECT subscriber_id, list_id, status FROM memberships WHERE subscriber_id IN (:ids)";

	private static final String SUPPRESSED = "SELECT address_hash FROM suppressed_addresses WHERE address_hash IN (:hashes)";

	// ON CONFLICT DO NOTHING: a signup of the same address committed since the chunk was planned wins, and the
	// import's batch goes on rather than aborting the chunk's transaction.
	private static final String INSERT_SUBSCRIBER = """
			INSERT INTO subscribers (email, email_key, email_hash, first_name, last_name, zip, street_address, language, created_at)
			VALUES (:email, :key, :hash, :first, :last, :zip, :street, :language, :now)
			ON CONFLICT DO NOTHING""";

	private static final String UPDATE_DETAILS = """
			UPDATE subscribers SET first_name = :first, last_name = :last, zip = :zip, street_address = :street,
			       language = :language
			WHERE id = :id""";

	private static final String INSERT_MEMBERSHIP = """
			INSERT INTO memberships (subscriber_id, list_id, status, confirmation_nonce, updated_at)
			VALUES (:subscriber, :list, :status, :nonce, :now)
			ON CONFLICT DO NOTHING""";

	// Only a pending membership is confirmed: one that left meanwhile stays left (the import never overrides it).
	private static final String CONFIRM = """
			UPDATE memberships SET status = 'CONFIRMED', confirmation_nonce = NULL, updated_at = :now
			WHERE subscriber_id = :subscriber AND list_id = :list AND status = 'UNCONFIRMED'""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	ImportDataStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Map<String, OnFile> onFile(Collection<String> keys) {
		Map<String, OnFile> found = new HashMap<>();
		if (!keys.isEmpty()) {
			jdbc.sql(ON_FILE).param("keys", keys).query((rs, row) -> new OnFile(rs.getLong(1), rs.getString(2),
					new Details(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))))
				.list()
				.forEach(s -> found.put(s.emailKey(), s));
		}
		return found;
	}

	Map<Long, Map<Long, MembershipStatus>> memberships(Collection<Long> subscriberIds) {
		Map<Long, Map<Long, MembershipStatus>> found = new HashMap<>();
		if (!subscriberIds.isEmpty()) {
			jdbc.sql(MEMBERSHIPS).param("ids", subscriberIds).query((rs, row) -> {
				found.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getLong(2), MembershipStatus.valueOf(rs.getString(3)));
				return null;
			}).list();
		}
		return found;
	}

	Set<String> suppressed(Collection<String> hashes) {
		return hashes.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(SUPPRESSED).param("hashes", hashes).query(String.class).list());
	}

	/** @param people (email as typed, its key, its keyed hash, details) of each new subscriber */
	void insertSubscribers(List<NewPerson> people, Instant now) {
		batch.batchUpdate(INSERT_SUBSCRIBER, people.stream()
			.map(p -> details(p.details()).addValue("email", p.email())
				.addValue("key", p.key())
				.addValue("hash", p.hash())
				.addValue("now", ImportStore.utc(now)))
			.toArray(MapSqlParameterSource[]::new));
	}

	record NewPerson(String email, String key, String hash, Details details) {
	}

	void updateDetails(Map<Long, Details> changed) {
		batch.batchUpdate(UPDATE_DETAILS, changed.entrySet()
			.stream()
			.map(e -> details(e.getValue()).addValue("id", e.getKey()))
			.toArray(MapSqlParameterSource[]::new));
	}

	void insertMemberships(List<NewMembership> memberships, Instant now) {
		batch.batchUpdate(INSERT_MEMBERSHIP, memberships.stream()
			.map(m -> new MapSqlParameterSource("subscriber", m.subscriberId()).addValue("list", m.listId())
				.addValue("status", m.status().name())
				.addValue("nonce", m.nonce())
				.addValue("now", ImportStore.utc(now)))
			.toArray(MapSqlParameterSource[]::new));
	}

	/** @param memberships (subscriber, list) pairs */
	void confirm(List<long[]> memberships, Instant now) {
		batch.batchUpdate(CONFIRM, memberships.stream()
			.map(m -> new MapSqlParameterSource("subscriber", m[0]).addValue("list", m[1]).addValue("now", ImportStore.utc(now)))
			.toArray(MapSqlParameterSource[]::new));
	}

	private static MapSqlParameterSource details(Details details) {
		return new MapSqlParameterSource("first", details.firstName()).addValue("last", details.lastName())
			.addValue("zip", details.zip())
			.addValue("street", details.streetAddress())
			.addValue("language", details.language());
	}

}
