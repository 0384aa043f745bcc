package org.callout.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.callout.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

@PostgresDatabase
class PostgresMigrationTests extends MigrationTests {

	@Test
	void theDatabaseIsReallyPostgresql() {
		// A @DataJdbcTest would silently swap in H2 unless told not to: prove it did not.
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

}
