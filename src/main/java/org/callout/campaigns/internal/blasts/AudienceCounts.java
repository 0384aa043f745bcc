package org.callout.campaigns.internal.blasts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many people a blast's audience holds, by how sure their districts are and by language. */
@Repository
public class AudienceCounts {

	/**
	 * One statement over three modules' tables (subscribers' {@code subscribers} and {@code memberships},
	 * legislators' {@code representations}, subscribers' {@code suppressed_addresses}), read only: counting an audience of 100 000 through two module APIs
	 * would take 200 000 queries, and organizers look at this before every approval. The narrowing here is the
	 * one the sending engine's snapshot applies. The cast tells PostgreSQL the type of a null chamber. A subscriber with no representation row yet counts as unknown.
	 */
	private static final String COUNTS = """
			SELECT COALESCE(r.confidence, 'unknown') AS confidence, s.language AS language, COUNT(*) AS people
			FROM subscribers s
			LEFT JOIN representations r ON r.subscriber_id = s.id
			WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.subscriber_id = s.id AND m.status = 'CONFIRMED'
			              AND m.list_id IN (:lists))
			  AND NOT EXISTS (SELECT 1 FROM suppressed_addresses sa WHERE sa.address_hash = s.email_hash)
			  AND (:known = FALSE OR r.confidence = 'exact')
			  AND (CAST(:chamber AS VARCHAR(8)) IS NULL
			       OR (:chamber = 'senate' AND r.senate_district IS NOT NULL AND (:anyDistrict OR r.senate_district IN (:districts)))
			       OR (:chamber = 'assembly' AND r.assembly_district IS NOT NULL
			           AND (:anyDistrict OR r.assembly_district IN (:districts))))
			GROUP BY COALESCE(r.confidence, 'unknown'), s.language""";

	/** The counts: total, by confidence code, by language. */
	public record Counts(long total, Map<String, Long> byConfidence, Map<String, Long> byLanguage) {
	}

	private final JdbcClient jdbc;

	AudienceCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Counts count(Audience audience) {
		Map<String, Long> confidence = new TreeMap<>(Map.of("exact", 0L, "ambiguous", 0L, "unknown", 0L, "outside-ny", 0L));
		Map<String, Long> language = new TreeMap<>();
		long[] total = { 0 };
		jdbc.sql(COUNTS)
			.param("lists", audience.listIds())
			.param("known", audience.knownOnly())
			.param("chamber", audience.chamber())
			.param("anyDistrict", audience.districts().isEmpty())
			// IN () is not SQL: an empty set is written as one value no district has.
			.param("districts", audience.districts().isEmpty() ? List.of("") : audience.districts())
			.query((java.sql.ResultSet rs) -> {
				long people = rs.getLong("people");
				confidence.merge(rs.getString("confidence"), people, Long::sum);
				language.merge(rs.getString("language"), people, Long::sum);
				total[0] += people;
			});
		return new Counts(total[0], confidence, language);
	}

}
