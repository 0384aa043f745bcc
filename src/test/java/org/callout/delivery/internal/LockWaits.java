package org.callout.delivery.internal;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Whether a session of a test's database waits for a lock now, so that a test can hold one transaction open until
 * the other is seen waiting for it, rather than hoping the two overlap.
 */
final class LockWaits {

	private final JdbcClient jdbc;

	private final boolean postgres;

	LockWaits(JdbcClient jdbc, DataSource dataSource) throws Exception {
		this.jdbc = jdbc;
		this.postgres = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
			.toLowerCase(Locale.ROOT)
			.contains("postgres");
	}

	/**
	 * PostgreSQL: a lock not granted to a session that has this schema's {@code table} open (the server is shared
	 * with other test runs, the table's oid is this schema's own). H2: any session blocked (the in-memory database is
	 * the test context's own).
	 */
	boolean someoneWaitsOn(String table) {
		if (postgres) {
			return jdbc.sql("""
					SELECT COUNT(*) FROM pg_locks w WHERE NOT w.granted
					  AND w.pid IN (SELECT pid FROM pg_locks WHERE relation = CAST(:table AS regclass))""")
				.param("table", table).query(Long.class).single() > 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL").query(Long.class).single() > 0;
	}

}
