package org.callout.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callout.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

@PostgresDatabase
class PostgresAuditStorageTests extends AuditStorageTests {

	@Test
	void theDatabaseRefusesToTruncateTheLogEvenForASuperuser() {
		store.insert(entry("ivy", "blast.approve", NOON));

		assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single()).isTrue();
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(store.find(new AuditStore.Filter("ivy", null, null, null, null), 10)).hasSize(1);
	}

}
