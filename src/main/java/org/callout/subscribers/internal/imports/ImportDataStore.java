package org.callout.subscribers.internal.imports;

import static org.callout.subscribers.internal.imports.MultiRowInsert.text;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.callout.subscribers.MembershipStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
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

	// Inserted with ON CONFLICT DO NOTHING: a signup of the same address committed since the chunk was planned wins, and the
	// import's batch goes on rather than aborting the chunk's transaction.
	private static final String INSERT_SUBSCRIBERS = """
			INSERT INTO subscribers (email, email_key, email_hash, first_name, last_name, zip, street_address, language, created_at)""";

	private static final String UPDATE_DETAILS = """
			UPDATE subscribers SET first_name = :first, last_name = :last, zip = :zip, street_address = :street,
			       language = :language
			WHERE id = :id""";

	private static final String INSERT_MEMBERSHIPS = "INSERT INTO memberships (subscriber_id, list_id, status, confirmation_nonce, updated_at)";

	// Only a pending membership is confirmed: one that left meanwhile stays left (the import never overrides it).
	private static final String CONFIRM = """
			UPDATE memberships SET status = 'CONFIRMED', confirmation_nonce = NULL, updated_at = :now
			WHERE subscriber_id = :subscriber AND list_id = :list AND status = 'UNCONFIRMED'""";

	// PostgreSQL caches a generic plan of a statement run often on one connection, planned with the statistics of
	// then. An import's lookups run once a chunk while it grows the very tables they read: planned for the empty
	// subscribers and consent_events of the first chunks, they became sequential scans with a 1 000-value IN list, 4 s
	// a chunk by 40 000 rows. Custom plans, for the chunk's transaction only, see the tables' current size.
	private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final boolean postgres;

	ImportDataStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.batch = batch;
		this.postgres = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
			.toLowerCase(Locale.ROOT)
			.contains("postgres");
	}

	/** Call first in a chunk's transaction (H2 has no plan cache of this kind). */
	void planForCurrentSizes() {
		if (postgres) {
			jdbc.sql(CUSTOM_PLANS).update();
		}
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
		MultiRowInsert.insert(batch.getJdbcTemplate(), INSERT_SUBSCRIBERS, "ON CONFLICT DO NOTHING", people.stream()
			.map(p -> new Object[] { text(p.email()), text(p.key()), text(p.hash()), text(p.details().firstName()),
					text(p.details().lastName()), text(p.details().zip()), text(p.details().streetAddress()),
					text(p.details().language()), MultiRowInsert.time(now) })
			.toList());
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
		MultiRowInsert.insert(batch.getJdbcTemplate(), INSERT_MEMBERSHIPS, "ON CONFLICT DO NOTHING", memberships.stream()
			.map(m -> new Object[] { MultiRowInsert.number(m.subscriberId()), MultiRowInsert.number(m.listId()), text(m.status().name()),
					text(m.nonce()), MultiRowInsert.time(now) })
			.toList());
	}

	/** @param memberships (subscriber, list) pairs */
	/**
	 * Confirms these pending memberships; answers, per membership in order, whether it was still pending (one that
	 * its person left, or confirmed, since the chunk was planned is left alone, and the ledger must not say otherwise).
	 */
	boolean[] confirm(List<long[]> memberships, Instant now) {
		int[] counts = batch.batchUpdate(CONFIRM, memberships.stream()
			.map(m -> new MapSqlParameterSource("subscriber", m[0]).addValue("list", m[1]).addValue("now", ImportStore.utc(now)))
			.toArray(MapSqlParameterSource[]::new));
		boolean[] changed = new boolean[counts.length];
		for (int i = 0; i < counts.length; i++) {
			// SUCCESS_NO_INFO (a driver that cannot tell) counts as changed: the plan said the row was pending.
			changed[i] = counts[i] != 0;
		}
		return changed;
	}

	private static MapSqlParameterSource details(Details details) {
		// Typed, so that a null never makes the driver ask the server for the parameter's type.
		return new MapSqlParameterSource().addValue("first", details.firstName(), Types.VARCHAR)
			.addValue("last", details.lastName(), Types.VARCHAR)
			.addValue("zip", details.zip(), Types.VARCHAR)
			.addValue("street", details.streetAddress(), Types.VARCHAR)
			.addValue("language", details.language(), Types.VARCHAR);
	}

}
