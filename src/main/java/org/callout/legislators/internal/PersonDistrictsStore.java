package org.callout.legislators.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for one person's districts as an access request shows them and an erasure removes them. */
@Repository
class PersonDistrictsStore {

	/** The stored answer as it is kept, with its source and confidence. */
	record Looked(String senateDistrict, String assemblyDistrict, String senateCandidates, String assemblyCandidates,
			String source, String confidence, Instant lookedUpAt, String note) {
	}

	/** Districts an organizer set by hand. */
	record Set(String senateDistrict, String assemblyDistrict, Instant setAt) {
	}

	// The raw columns rather than a DistrictAnswer: the person sees what is stored, candidates and note included
	// (the geocoder's note may repeat their street).
	private static final String LOOKED = """
			SELECT senate_district, assembly_district, senate_candidates, assembly_candidates, source, confidence,
			       looked_up_at, note
			FROM representations WHERE subscriber_id = :id""";

	private static final String SET = """
			SELECT senate_district, assembly_district, set_at FROM organizer_districts WHERE subscriber_id = :id""";

	// The whole rows go: the fingerprint is an unkeyed hash of ZIP and street, which a guess could confirm.
	private static final String DELETE_LOOKED = "DELETE FROM representations WHERE subscriber_id = :id";

	private static final String DELETE_SET = "DELETE FROM organizer_districts WHERE subscriber_id = :id";

	private final JdbcClient jdbc;

	PersonDistrictsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Looked> looked(long subscriberId) {
		return jdbc.sql(LOOKED).param("id", subscriberId).query((rs, n) -> new Looked(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getObject(7, OffsetDateTime.class)),
				rs.getString(8))).optional();
	}

	Optional<Set> set(long subscriberId) {
		return jdbc.sql(SET).param("id", subscriberId).query((rs, n) -> new Set(rs.getString(1), rs.getString(2),
				instant(rs.getObject(3, OffsetDateTime.class)))).optional();
	}

	void delete(long subscriberId) {
		jdbc.sql(DELETE_LOOKED).param("id", subscriberId).update();
		jdbc.sql(DELETE_SET).param("id", subscriberId).update();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
