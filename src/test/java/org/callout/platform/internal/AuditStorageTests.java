package org.callout.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit_log table on a real database: entries go in and come back filtered, and never change or vanish. */
@DataJdbcTest
@Import(AuditStore.class)
// Not in a test transaction: on PostgreSQL a refused UPDATE aborts the transaction it ran in, and the assertions
// after it must still read the table. Each class gets a fresh database; each test its own actor.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class AuditStorageTests {

	static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

	@Autowired
	AuditStore store;

	@Autowired
	JdbcClient jdbc;

	static AuditEntry entry(String actor, String action, Instant at) {
		return new AuditEntry(0, at, actor, "api", "203.0.113.9", action, "blast:42", AuditEntry.OK,
				"{\"state\":\"AWAITING_APPROVAL\"}", "{\"state\":\"SCHEDULED\"}", null);
	}

	long idOf(String actor) {
		return jdbc.sql("SELECT MAX(id) FROM audit_log WHERE actor = :actor").param("actor", actor).query(Long.class).single();
	}

	@Test
	void anEntryComesBackWithEveryFieldAsWritten() {
		store.insert(entry("ana", "blast.approve", NOON));

		AuditEntry found = store.find(new AuditStore.Filter("ana", null, null, null, null), 10).getFirst();
		assertThat(found).usingRecursiveComparison().ignoringFields("id").isEqualTo(entry("ana", "blast.approve", NOON));
	}

	@Test
	void filtersCombineActorActionAndTime() {
		store.insert(entry("bo", "blast.approve", NOON));
		store.insert(entry("bo", "blast.cancel", NOON.plus(1, ChronoUnit.HOURS)));
		store.insert(entry("bo", "template.edit", NOON.plus(2, ChronoUnit.HOURS)));
		store.insert(entry("cy", "blast.approve", NOON.plus(1, ChronoUnit.HOURS)));

		assertThat(store.find(new AuditStore.Filter("bo", "blast", null, null, null), 10)).extracting(AuditEntry::action)
			.containsExactly("blast.cancel", "blast.approve");
		assertThat(store.find(new AuditStore.Filter("bo", null, NOON.plusSeconds(1), NOON.plus(2, ChronoUnit.HOURS), null), 10))
			.extracting(AuditEntry::action)
			.containsExactly("blast.cancel");
		assertThat(store.find(new AuditStore.Filter(null, "blast.approve", NOON.plusSeconds(1), null, null), 10))
			.extracting(AuditEntry::actor)
			.containsExactly("cy");
	}

	@Test
	void anActionFilterIsAWholeCodeOrADottedPrefixNeverAPartialWord() {
		store.insert(entry("di", "bill.status.set", NOON));
		store.insert(entry("di", "billing.other", NOON));

		assertThat(store.find(new AuditStore.Filter("di", "bill", null, null, null), 10)).extracting(AuditEntry::action)
			.containsExactly("bill.status.set");
	}

	@Test
	void pagesGoNewestFirstAndTheNextPageStartsAfterTheLastIdSeen() {
		for (int i = 0; i < 5; i++) {
			store.insert(entry("ed", "list.edit", NOON.plusSeconds(i)));
		}

		var first = store.find(new AuditStore.Filter("ed", null, null, null, null), 3);
		var second = store.find(new AuditStore.Filter("ed", null, null, null, first.getLast().id()), 3);

		assertThat(first).extracting(AuditEntry::occurredAt).containsExactly(NOON.plusSeconds(4), NOON.plusSeconds(3), NOON.plusSeconds(2));
		assertThat(second).extracting(AuditEntry::occurredAt).containsExactly(NOON.plusSeconds(1), NOON);
	}

	@Test
	void aLongBeforeOrAfterIsCutToFitTheColumn() {
		AuditEntry big = new AuditEntry(0, NOON, "fay", "api", null, "list.edit", "list:x", AuditEntry.OK, null,
				"x".repeat(5000), null);

		store.insert(big);

		assertThat(store.find(new AuditStore.Filter("fay", null, null, null, null), 1).getFirst().after()).hasSize(4000);
	}

	@Test
	void theDatabaseRefusesToUpdateAnEntry() {
		store.insert(entry("gus", "blast.approve", NOON));
		long id = idOf("gus");

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone-else' WHERE id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(store.find(new AuditStore.Filter("gus", null, null, null, null), 10)).hasSize(1);
	}

	@Test
	void theDatabaseRefusesToDeleteAnEntry() {
		store.insert(entry("hal", "blast.approve", NOON));
		long id = idOf("hal");

		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(store.find(new AuditStore.Filter("hal", null, null, null, null), 10)).hasSize(1);
	}

}
