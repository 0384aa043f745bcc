package org.callout.consent;

import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.callout.consent.internal.ConsentErasureStore;
import org.callout.consent.internal.ConsentEventStore;
import org.callout.consent.internal.ConsentTermsStore;
import org.callout.platform.CalloutProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The ledger on a real database: append, read back with the exact words, and nothing else. */
@DataJdbcTest(properties = { "callout.consent.texts.en=I agree to emails from {organization}.",
		"callout.consent.texts.es=Acepto correos de {organization}.", "callout.organization.name=Test Org",
		"callout.organization.privacy-policy-url=https://example.org/privacy", "callout.organization.privacy-policy-version=v1" })
@Import({ ConsentLedger.class, ConsentTermsCatalog.class, ConsentEventStore.class, ConsentTermsStore.class,
		ConsentErasureStore.class, ConsentLedgerTests.Config.class })
// Not in a test transaction: on PostgreSQL a refused UPDATE aborts the transaction it ran in, and the
// assertions after it must still read the ledger. Each class gets a fresh database, so nothing is cleaned.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class ConsentLedgerTests {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ConsentProperties.class, CalloutProperties.class })
	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

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
