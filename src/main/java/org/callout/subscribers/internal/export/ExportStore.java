package org.callout.subscribers.internal.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the subscriber export: keyset pages of subscribers and their memberships. */
@Repository
class ExportStore {

	/** One exported subscriber, as stored. */
	record Row(long id, String email, String firstName, String lastName, String zip, String streetAddress, String language,
			Instant createdAt, boolean suppressed) {
	}

	// Pages resume after the last id written, never at an offset: an offset re-reads every earlier row (a
	// 100 000-row export would read five million), and a subscriber added mid-export cannot shift the pages.
	// The filter is a membership of one list (in one status): EXISTS, so someone on that list twice cannot be
	// written twice. suppressed_addresses is matched on the keyed hash, which is all it holds.
	private static final String PAGE = """
			SELECT s.id, s.email, s.first_name, s.last_name, s.zip, s.street_address, s.language, s.created_at,
			       EXISTS (SELECT 1 FROM suppressed_addresses sa WHERE sa.address_hash = s.email_hash) AS suppressed
			FROM subscribers s
			WHERE s.id > :after
			  AND (CAST(:list AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.subscriber_id = s.id
			       AND m.list_id = :list AND (CAST(:status AS VARCHAR(16)) IS NULL OR m.status = :status)))
			ORDER BY s.id
			LIMIT :limit""";

	private static final String COUNT = """
			SELECT COUNT(*) FROM subscribers s
			WHERE CAST(:list AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.subscriber_id = s.id
			      AND m.list_id = :list AND (CAST(:status AS VARCHAR(16)) IS NULL OR m.status = :status))""";

	// Every membership of a page's subscribers, whatever the filter: the file shows each person's whole standing.
	private static final String MEMBERSHIPS = """
			SELECT m.subscriber_id, l.slug, m.status FROM memberships m JOIN subscriber_lists l ON l.id = m.list_id
			WHERE m.subscriber_id BETWEEN :first AND :last
			ORDER BY m.subscriber_id, l.slug""";

	private final JdbcClient jdbc;

	ExportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> page(ExportFilter filter, long after, int limit) {
		return jdbc.sql(PAGE)
			.param("after", after)
			.param("list", filter.listId())
			.param("status", filter.status())
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
					rs.getString("zip"), rs.getString("street_address"), rs.getString("language"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("suppressed")))
			.list();
	}

	long count(ExportFilter filter) {
		return jdbc.sql(COUNT).param("list", filter.listId()).param("status", filter.status()).query(Long.class).single();
	}

	/** Per subscriber, their memberships as {@code slug=STATUS}, in slug order. */
	Map<Long, List<String>> memberships(long first, long last) {
		Map<Long, List<String>> memberships = new HashMap<>();
		jdbc.sql(MEMBERSHIPS).param("first", first).param("last", last).query(rs -> {
			memberships.computeIfAbsent(rs.getLong("subscriber_id"), id -> new java.util.ArrayList<>())
				.add(rs.getString("slug") + "=" + rs.getString("status"));
		});
		return memberships;
	}

}
