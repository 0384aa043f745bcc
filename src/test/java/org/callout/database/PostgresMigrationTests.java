package org.callout.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

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
	void aTestSchemaCanBeDroppedWithItsTablesSoRunsLeaveNoneBehind() throws Exception {
		String schema = PostgresServer.createFreshSchema();
		// On a connection of its own: this test's transaction would hold the new table's lock until it ends.
		PostgresServer.Coordinates server = PostgresServer.coordinates();
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + schema + ".kept (id INT)");
		}

		assertThat(PostgresServer.drop(schema)).isTrue();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = :s")
			.param("s", schema)
			.query(Long.class)
			.single()).isZero();
	}

}
