package org.callout.consent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentSource;
import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.PersonRef;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's one allowed change, on a real database: an erasure clears the IP address, User-Agent and page URL of
 * an address's events after recording itself; every other change is still refused by the database.
 */
// The same slice as ConsentLedgerTests (one context per database for both): each test uses its own address hash,
// and every event belongs to subscriber 700, which ConsentLedgerTests never reads.
@ConsentLedgerSlice
abstract class LedgerErasurePathTests {

	@Autowired
	ConsentLedger ledger;

	@Autowired
	ConsentTermsCatalog catalog;

	@Autowired
	ConsentPersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anErasureClearsTheIpUserAgentAndPageUrlAndKeepsWhatWasConsentedToAndWhen() {
		String hash = newHash();
		Instant granted = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
		record(hash, ConsentKind.GRANTED, granted);
		record(hash, ConsentKind.CONFIRMED, granted.plusSeconds(30));

		personalData.erase(new PersonRef(hash, List.of(), List.of()));

		List<ConsentHistoryEntry> history = ledger.historyOfAddress(hash);
		assertThat(history).extracting(ConsentHistoryEntry::kind).containsExactly(ConsentKind.GRANTED, ConsentKind.CONFIRMED);
		assertThat(history).extracting(ConsentHistoryEntry::occurredAt).containsExactly(granted, granted.plusSeconds(30));
		assertThat(history).allSatisfy(entry -> {
			assertThat(entry.terms().versionId()).isEqualTo(catalog.current("en").versionId());
			assertThat(entry.terms().text()).isEqualTo("I agree to emails from Test Org.");
			assertThat(entry.ipAddress()).isNull();
			assertThat(entry.userAgent()).isNull();
			assertThat(entry.pageUrl()).isNull();
			assertThat(entry.formId()).isEqualTo("join-page");
		});
	}

	@Test
	void everyErasureIsRecordedWithTheHashTheNumberOfEventsAndTheTime() {
		String hash = newHash();
		record(hash, ConsentKind.GRANTED, Instant.now());
		record(hash, ConsentKind.CONFIRMED, Instant.now());
		Instant before = Instant.now().minusSeconds(1);

		personalData.erase(new PersonRef(hash, List.of(), List.of()));
		personalData.erase(new PersonRef(hash, List.of(), List.of()));

		assertThat(jdbc.sql("SELECT events FROM consent_erasures WHERE address_hash = :hash ORDER BY id").param("hash", hash)
			.query(Integer.class).list()).containsExactly(2, 0);
		assertThat(jdbc.sql("SELECT MIN(erased_at) FROM consent_erasures WHERE address_hash = :hash").param("hash", hash)
			.query(java.time.OffsetDateTime.class).single().toInstant()).isAfter(before);
	}

	@Test
	void clearingThePersonalFieldsWithoutARecordedErasureIsRefused() {
		String hash = newHash();
		long id = record(hash, ConsentKind.GRANTED, Instant.now());

		assertRefused("UPDATE consent_events SET ip_address = NULL, user_agent = NULL, page_url = NULL WHERE id = " + id);
		assertThat(ledger.historyOfAddress(hash).getFirst().ipAddress()).isEqualTo("203.0.113.9");
	}

	@Test
	void anUpdateThatChangesAnyOtherColumnIsRefusedEvenForAnErasedAddress() {
		String hash = newHash();
		long id = record(hash, ConsentKind.GRANTED, Instant.now());
		recordErasure(hash);
		String clear = "UPDATE consent_events SET ip_address = NULL, user_agent = NULL, page_url = NULL, ";

		List.of("kind = 'WITHDRAWN'", "terms_version = NULL", "occurred_at = occurred_at + INTERVAL '1' DAY",
				"subscriber_id = subscriber_id + 1", "list_id = list_id + 1", "source = 'api'", "form_id = 'forged'",
				"language = 'es'", "address_hash = 'other'", "id = id + 1000000")
			.forEach(change -> assertRefused(clear + change + " WHERE id = " + id));
		assertThat(ledger.historyOfAddress(hash)).singleElement().satisfies(entry -> {
			assertThat(entry.kind()).isEqualTo(ConsentKind.GRANTED);
			assertThat(entry.ipAddress()).isEqualTo("203.0.113.9");
		});
	}

	@Test
	void anErasedAddressesPersonalFieldsCannotBeGivenOtherValues() {
		String hash = newHash();
		long id = record(hash, ConsentKind.GRANTED, Instant.now());
		recordErasure(hash);

		assertRefused("UPDATE consent_events SET ip_address = '0.0.0.0' WHERE id = " + id);
		assertRefused("UPDATE consent_events SET ip_address = NULL, user_agent = 'forged', page_url = NULL WHERE id = " + id);
		assertRefused("UPDATE consent_events SET ip_address = NULL WHERE id = " + id);
		assertThat(ledger.historyOfAddress(hash).getFirst().userAgent()).isEqualTo("Mozilla/5.0 (X11)");
	}

	@Test
	void aLedgerRowCannotBeDeletedEvenForAnErasedAddress() {
		String hash = newHash();
		long id = record(hash, ConsentKind.GRANTED, Instant.now());
		recordErasure(hash);

		assertRefused("DELETE FROM consent_events WHERE id = " + id);
		assertThat(ledger.historyOfAddress(hash)).hasSize(1);
	}

	@Test
	void theRecordOfErasuresCannotBeChangedOrDeleted() {
		String hash = newHash();
		recordErasure(hash);

		assertRefused("UPDATE consent_erasures SET address_hash = 'other' WHERE address_hash = '" + hash + "'");
		assertRefused("DELETE FROM consent_erasures WHERE address_hash = '" + hash + "'");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_erasures WHERE address_hash = :hash").param("hash", hash)
			.query(Long.class).single()).isOne();
	}

	void assertRefused(String sql) {
		assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
	}

	long record(String hash, ConsentKind kind, Instant at) {
		return ledger.record(new ConsentEvent(700, 1, kind, catalog.current("en").versionId(), at, "203.0.113.9",
				"Mozilla/5.0 (X11)", ConsentSource.FORM, "join-page", "https://example.org/join?ref=x", "en", hash));
	}

	void recordErasure(String hash) {
		jdbc.sql("INSERT INTO consent_erasures (address_hash, events, erased_at) VALUES (:hash, 0, CURRENT_TIMESTAMP)")
			.param("hash", hash)
			.update();
	}

	static String newHash() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
