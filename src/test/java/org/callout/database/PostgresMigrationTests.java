package org.callout.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.callout.support.PostgresDatabase;
import org.callout.support.PostgresServer;
import org.junit.jupiter.api.Test;

@PostgresDatabase
class PostgresMigrationTests extends MigrationTests {

	@Test
	void theDatabaseIsReallyPostgresql() {
		// A @DataJdbcTest would silently swap in H2 unless told not to: prove it did not.
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

	@Test
	void aTestSchemaCanBeDroppedWithItsAppendOnlyTablesSoRunsLeaveNoneBehind() {
		String schema = PostgresServer.createFreshSchema();
		jdbc.sql("CREATE TABLE " + schema + ".kept (id INT)").update();

		assertThat(PostgresServer.drop(schema)).isTrue();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = :s")
			.param("s", schema)
			.query(Long.class)
			.single()).isZero();
	}

}
