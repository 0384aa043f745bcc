package org.callout.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.callout.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

@PostgresDatabase
class PostgresConsentLedgerTests extends ConsentLedgerTests {

	@Test
	void theDatabaseRefusesToTruncateTheLedgerEvenForASuperuser() {
		ledger.record(event(11, ConsentKind.GRANTED, catalog.current("en").versionId(), Instant.now(), "en"));

		assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single()).isTrue();
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE consent_events").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(ledger.historyOf(11)).hasSize(1);
	}

}
