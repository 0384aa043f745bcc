package org.callout.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;

import org.callout.consent.internal.ConsentErasureStore;
import org.callout.consent.internal.ConsentEventStore;
import org.callout.consent.internal.ConsentTermsStore;
import org.callout.platform.CalloutProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Migration V50 lets the ledger say how an unsubscribe arrived, and still refuses any other source. */
@DataJdbcTest(properties = { "callout.consent.texts.en=I agree to emails from {organization}." })
@Import({ ConsentLedger.class, ConsentEventStore.class, ConsentErasureStore.class, ConsentTermsStore.class,
		ConsentSourceMigrationTests.Config.class })
// Closed after the class: nothing else shares this context, and a cached one would keep its pool's connections
// to the shared PostgreSQL server, whose connection limit the whole suite's cached contexts come close to.
@DirtiesContext
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class ConsentSourceMigrationTests {

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
	JdbcClient jdbc;

	@Test
	void aOneClickWithdrawalIsStoredAsOneClick() {
		ledger.record(withdrawal(21, ConsentSource.ONE_CLICK));

		assertThat(ledger.historyOf(21)).singleElement().satisfies(entry -> {
			assertThat(entry.source()).isEqualTo("one-click");
			assertThat(entry.kind()).isEqualTo(ConsentKind.WITHDRAWN);
			assertThat(entry.terms()).isNull();
		});
	}

	@Test
	void aWithdrawalThroughThePageIsStoredAsPage() {
		ledger.record(withdrawal(22, ConsentSource.PAGE));

		assertThat(ledger.historyOf(22)).singleElement().extracting(ConsentHistoryEntry::source).isEqualTo("page");
	}

	@Test
	void theOlderSourcesAreStillAccepted() {
		ledger.record(withdrawal(23, ConsentSource.FORM));
		ledger.record(withdrawal(23, ConsentSource.API));
		ledger.record(withdrawal(23, ConsentSource.IMPORT));

		assertThat(ledger.historyOf(23)).extracting(ConsentHistoryEntry::source).containsExactly("form", "api", "import");
	}

	@Test
	void theReplacedConstraintStillRefusesAnUnknownSource() {
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO consent_events (subscriber_id, list_id, kind, occurred_at, source, language, address_hash)
				VALUES (24, 1, 'WITHDRAWN', CURRENT_TIMESTAMP, 'one_click', 'en', 'hash-24')""").update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(ledger.historyOf(24)).isEmpty();
	}

	private static ConsentEvent withdrawal(long subscriber, ConsentSource source) {
		return new ConsentEvent(subscriber, 1, ConsentKind.WITHDRAWN, null, Instant.now(), "203.0.113.9", "Mail/1.0", source,
				null, null, "en", "hash-" + subscriber);
	}

}
