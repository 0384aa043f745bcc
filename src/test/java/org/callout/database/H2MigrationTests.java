package org.callout.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

@H2Database
class H2MigrationTests extends MigrationTests {

	@Test
	void theDatabaseIsH2() {
		assertThat(jdbc.sql("SELECT H2VERSION()").query(String.class).single()).startsWith("2.");
	}

}
