package org.callout.consent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callout.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

@PostgresDatabase
class PostgresLedgerErasurePathTests extends LedgerErasurePathTests {

	@Test
	void theRecordOfErasuresCannotBeTruncatedEvenByASuperuser() {
		recordErasure(newHash());

		assertThatThrownBy(() -> jdbc.sql("TRUNCATE consent_erasures").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_erasures").query(Long.class).single()).isPositive();
	}

	@Test
	void theLedgerStillCannotBeTruncatedNowThatItHasAnErasurePath() {
		record(newHash(), org.callout.consent.ConsentKind.GRANTED, java.time.Instant.now());

		assertThatThrownBy(() -> jdbc.sql("TRUNCATE consent_events").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_events").query(Long.class).single()).isPositive();
	}

}
