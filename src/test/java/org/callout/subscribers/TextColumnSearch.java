package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Searches every text column of every table of the service's schema, on H2 and PostgreSQL alike. */
final class TextColumnSearch {

	private final JdbcClient jdbc;

	TextColumnSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Where the values are, in any case, as "table.column: value": every CHAR, VARCHAR, CLOB, TEXT and JSON column
	 * information_schema lists for the current schema.
	 */
	List<String> whereFound(List<String> values) {
		List<String> found = new ArrayList<>();
		List<String[]> columns = jdbc.sql("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE table_schema = CURRENT_SCHEMA
				  AND UPPER(data_type) IN ('CHARACTER VARYING', 'VARCHAR', 'CHARACTER', 'CHAR', 'TEXT', 'CLOB',
				                           'CHARACTER LARGE OBJECT', 'VARCHAR_IGNORECASE', 'JSON', 'JSONB')""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		// A query that found no columns (a wrong schema name) would prove nothing.
		assertThat(columns).as("text columns").hasSizeGreaterThan(50);
		for (String[] column : columns) {
			for (String value : values) {
				long hits = jdbc.sql("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE LOWER(CAST(\"" + column[1]
						+ "\" AS VARCHAR)) LIKE :needle")
					.param("needle", "%" + value.toLowerCase(Locale.ROOT) + "%")
					.query(Long.class)
					.single();
				if (hits > 0) {
					found.add(column[0].toLowerCase(Locale.ROOT) + "." + column[1].toLowerCase(Locale.ROOT) + ": " + value);
				}
			}
		}
		return found;
	}

}
