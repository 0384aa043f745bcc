package org.callout.legislators.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.callout.legislators.Chamber;
import org.callout.legislators.DistrictCandidate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the ZIP-area table. */
@Repository
class ZipTableStore {

	// Largest share first; without shares (all null) by district number, so the order is stable.
	private static final String CANDIDATES = """
			SELECT district, land_share FROM zip_districts WHERE chamber = :chamber AND zip = :zip
			ORDER BY land_share DESC NULLS LAST, CAST(district AS INT)""";

	private static final String INSERT = """
			INSERT INTO zip_districts (chamber, zip, district, land_share, source, imported_at) VALUES (?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	ZipTableStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	List<DistrictCandidate> candidates(Chamber chamber, String zip) {
		return jdbc.sql(CANDIDATES)
			.param("chamber", chamber.code())
			.param("zip", zip)
			.query((rs, row) -> new DistrictCandidate(rs.getString("district"), rs.getObject("land_share", Double.class)))
			.list();
	}

	/** A chamber's table replaced whole: a newer relationship file is the whole truth for its plan. */
	void replace(Chamber chamber, List<ZctaFile.Pair> pairs, String source, Instant now) {
		jdbc.sql("DELETE FROM zip_districts WHERE chamber = :chamber").param("chamber", chamber.code()).update();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		batch.batchUpdate(INSERT, pairs.stream()
			.map(p -> new Object[] { chamber.code(), p.zip(), p.district(), p.landShare(), source, at })
			.toList());
	}

	long count(Chamber chamber) {
		return jdbc.sql("SELECT COUNT(*) FROM zip_districts WHERE chamber = :chamber").param("chamber", chamber.code())
			.query(Long.class).single();
	}

}
