package org.callout.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.callout.consent.internal.ConsentLedgerSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger on a real database: append, read back with the exact words, and nothing else. */
// The same slice as LedgerErasurePathTests (one context per database for both): subscriber ids 7 to 11 and their
// "hash-" addresses are this class's; nothing is cleaned, the ledger refuses deletes.
@ConsentLedgerSlice
abstract class ConsentLedgerTests {

	@Autowired
	ConsentLedger ledger;

	@Autowired
	ConsentTermsCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void historyComesBackOldestFirstWithTheExactWordsOfEachTermsVersion() {
		ConsentTerms english = catalog.current("en");
		ConsentTerms spanish = catalog.current("es");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		ledger.record(event(7, ConsentKind.GRANTED, english.versionId(), now, "en"));
		ledger.record(event(7, ConsentKind.CONFIRMED, english.versionId(), now, "en"));
		ledger.record(event(7, ConsentKind.GRANTED, spanish.versionId(), now.plusSeconds(5), "es"));

		assertThat(ledger.historyOf(7)).extracting(ConsentHistoryEntry::kind)
			.containsExactly(ConsentKind.GRANTED, ConsentKind.CONFIRMED, ConsentKind.GRANTED);
		ConsentHistoryEntry first = ledger.historyOf(7).getFirst();
		assertThat(first.terms().text()).isEqualTo("I agree to emails from Test Org.");
		assertThat(first.occurredAt()).isEqualTo(now);
		assertThat(first.ipAddress()).isEqualTo("203.0.113.9");
		assertThat(first.userAgent()).isEqualTo("Mozilla/5.0 (X11)");
		assertThat(first.pageUrl()).isEqualTo("https://example.org/join");
		assertThat(ledger.historyOf(7).getLast().terms().text()).isEqualTo("Acepto correos de Test Org.");
		assertThat(ledger.historyOfAddress("hash-7")).hasSize(3);
	}

	@Test
	void aTermsVersionIsStoredOnceAndIdentifiedByItsContent() {
		ConsentTerms terms = catalog.current("en");

		assertThat(terms.versionId()).hasSize(64).isNotEqualTo(catalog.current("es").versionId());
		assertThat(catalog.find(terms.versionId())).contains(terms);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_terms WHERE version_id = :id").param("id", terms.versionId())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(catalog.find("0".repeat(64))).isEmpty();
	}

	@Test
	void theDatabaseRefusesToUpdateALedgerRow() {
		long id = ledger.record(event(8, ConsentKind.GRANTED, catalog.current("en").versionId(), Instant.now(), "en"));

		assertThatThrownBy(() -> jdbc.sql("UPDATE consent_events SET ip_address = '0.0.0.0' WHERE id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(ledger.historyOf(8).getFirst().ipAddress()).isEqualTo("203.0.113.9");
	}

	@Test
	void theDatabaseRefusesToDeleteALedgerRow() {
		long id = ledger.record(event(9, ConsentKind.GRANTED, catalog.current("en").versionId(), Instant.now(), "en"));

		assertThatThrownBy(() -> jdbc.sql("DELETE FROM consent_events WHERE id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(ledger.historyOf(9)).hasSize(1);
	}

	@Test
	void theDatabaseRefusesToEditTheWordsOfATermsVersion() {
		ConsentTerms terms = catalog.current("en");

		assertThatThrownBy(() -> jdbc.sql("UPDATE consent_terms SET text = 'I agree to anything.' WHERE version_id = :id")
			.param("id", terms.versionId())
			.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThat(catalog.find(terms.versionId())).get().extracting(ConsentTerms::text).isEqualTo("I agree to emails from Test Org.");
	}

	@Test
	void aNotMeReportIsFoundOnlyWithinThePeriodAsked() {
		Instant reported = Instant.now().minus(10, ChronoUnit.DAYS);
		ledger.record(event(10, ConsentKind.REPORTED_NOT_ME, catalog.current("en").versionId(), reported, "en"));

		assertThat(ledger.reportedNotMeSince("hash-10", reported.minus(1, ChronoUnit.DAYS))).isTrue();
		assertThat(ledger.reportedNotMeSince("hash-10", reported.plus(1, ChronoUnit.DAYS))).isFalse();
	}

	static ConsentEvent event(long subscriber, ConsentKind kind, String terms, Instant at, String language) {
		return new ConsentEvent(subscriber, 1, kind, terms, at, "203.0.113.9", "Mozilla/5.0 (X11)", ConsentSource.FORM,
				"join-page", "https://example.org/join", language, "hash-" + subscriber);
	}

}
