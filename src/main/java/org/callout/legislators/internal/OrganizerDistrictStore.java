package org.callout.legislators.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for districts organizers set by hand. */
@Repository
class OrganizerDistrictStore {

	record Set(String senate, String assembly) {
	}

	// Replace as delete-then-insert in one transaction: portable where ON CONFLICT DO UPDATE is not (H2).
	private static final String INSERT = """
			INSERT INTO organizer_districts (subscriber_id, senate_district, assembly_district, set_at)
			VALUES (:id, :senate, :assembly, :now)""";

	private final JdbcClient jdbc;

	OrganizerDistrictStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Set> find(long subscriberId) {
		return jdbc.sql("SELECT senate_district, assembly_district FROM organizer_districts WHERE subscriber_id = :id")
			.param("id", subscriberId)
			.query((rs, row) -> new Set(rs.getString("senate_district"), rs.getString("assembly_district")))
			.optional();
	}

	void put(long subscriberId, String senate, String assembly, Instant now) {
		clear(subscriberId);
		jdbc.sql(INSERT).param("id", subscriberId).param("senate", senate).param("assembly", assembly)
			.param("now", now.atOffset(ZoneOffset.UTC)).update();
	}

	boolean clear(long subscriberId) {
		return jdbc.sql("DELETE FROM organizer_districts WHERE subscriber_id = :id").param("id", subscriberId).update() > 0;
	}

}
