package org.callout.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same Flyway migrations build the whole schema on each database; subclasses pick the database. */
@DataJdbcTest
abstract class MigrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void flywayAppliedEveryMigrationSuccessfully() {
		Integer failed = jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"").query(Integer.class).single();
		Integer applied = jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\"").query(Integer.class).single();

		assertThat(failed).isZero();
		assertThat(applied).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theSpringBatchJobRepositoryTablesExist() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT").query(Integer.class).single()).isZero();
	}

	@Test
	void theEventPublicationRegistryTableExists() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Integer.class).single()).isZero();
	}

}
