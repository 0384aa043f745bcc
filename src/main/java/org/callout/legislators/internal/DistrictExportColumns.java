package org.callout.legislators.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.callout.subscribers.SubscriberExportColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each subscriber's districts in the organizers' export, with where they came from and how sure they are, as the
 * representations table holds them (districts an organizer set are stored there too, source "organizer").
 */
@Component
class DistrictExportColumns implements SubscriberExportColumns {

	private static final List<String> HEADERS = List.of("senate_district", "assembly_district", "district_source",
			"district_confidence", "districts_looked_up_at");

	// A range, like the export's own pages: the primary key serves it, and a page is one query however large.
	private static final String BETWEEN = """
			SELECT subscriber_id, senate_district, assembly_district, source, confidence, looked_up_at FROM representations
			WHERE subscriber_id BETWEEN :first AND :last""";

	private final JdbcClient jdbc;

	DistrictExportColumns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> headers() {
		return HEADERS;
	}

	@Override
	public Map<Long, List<String>> between(long first, long last) {
		Map<Long, List<String>> cells = new HashMap<>();
		jdbc.sql(BETWEEN).param("first", first).param("last", last).query(rs -> {
			cells.put(rs.getLong("subscriber_id"), Arrays.asList(rs.getString("senate_district"), rs.getString("assembly_district"),
					rs.getString("source"), rs.getString("confidence"),
					rs.getObject("looked_up_at", OffsetDateTime.class).toInstant().toString()));
		});
		return cells;
	}

}
