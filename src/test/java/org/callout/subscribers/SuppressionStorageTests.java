package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.callout.consent.internal.ConsentEventStore;
import org.callout.consent.internal.ConsentErasureStore;
import org.callout.consent.ConsentLedger;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.internal.EmailHashBackfill;
import org.callout.subscribers.internal.SubscriberStore;
import org.callout.subscribers.internal.SuppressionStore;
import org.callout.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The suppression list and the subscribers' address hashes on a real database (subclasses pick H2 or PostgreSQL). */
@DataJdbcTest
@Import({ Suppressions.class, SuppressionStore.class, EmailHashBackfill.class, Subscribers.class, SubscriberStore.class,
		ConsentLedger.class, ConsentEventStore.class, ConsentErasureStore.class, SuppressionStorageTests.Config.class })
abstract class SuppressionStorageTests {

	static final AddressHasher HASHER = new AddressHasher("test-hash-key-0123456789abcdef");

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

		@Bean
		AddressHasher addressHasher() {
			return HASHER;
		}

	}

	@Autowired
	Suppressions suppressions;

	@Autowired
	Subscribers subscribers;

	@Autowired
	EmailHashBackfill backfill;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSuppressedAddressIsSuppressedWhateverTheCaseOfItsLettersAndOthersAreNot() {
		String address = unique("Gone");

		assertThat(suppressions.suppress(email(address), Suppressions.NO_SUCH_USER, "550 5.1.1 User unknown", "relay")).isTrue();

		assertThat(suppressions.isSuppressed(email(address.toUpperCase()))).isTrue();
		assertThat(suppressions.find(email(address.toLowerCase()))).get()
			.satisfies(s -> assertThat(s.reason()).isEqualTo("no-such-user"))
			.satisfies(s -> assertThat(s.detail()).isEqualTo("550 5.1.1 User unknown"))
			.satisfies(s -> assertThat(s.source()).isEqualTo("relay"))
			.satisfies(s -> assertThat(s.suppressedAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS)));
		assertThat(suppressions.isSuppressed(email(unique("other")))).isFalse();
		assertThat(suppressions.find(email(unique("other")))).isEmpty();
	}

	@Test
	void suppressingAgainKeepsTheFirstSuppressionAndSaysItWasNotNew() {
		EmailAddress address = email(unique("twice"));
		suppressions.suppress(address, Suppressions.NO_SUCH_USER, "550 5.1.1 first", "relay");
		Suppression first = suppressions.find(address).orElseThrow();
		clock.advance(Duration.ofHours(1));

		assertThat(suppressions.suppress(address, Suppressions.ORGANIZER, "second", Suppressions.API)).isFalse();

		assertThat(suppressions.find(address)).contains(first);
		assertThat(count("SELECT COUNT(*) FROM suppressed_addresses WHERE address_hash = '" + hash(address) + "'")).isEqualTo(1);
	}

	@Test
	void theDetailLosesItsLineBreaksAndIsCutTo500CharactersNeverHalfAnEmoji() {
		EmailAddress crlf = email(unique("crlf"));
		EmailAddress huge = email(unique("huge"));
		EmailAddress blank = email(unique("blank"));

		suppressions.suppress(crlf, Suppressions.NO_SUCH_USER, "550 5.1.1 <x>\r\nX-Injected: yes\n\tmore", "relay");
		suppressions.suppress(huge, Suppressions.NO_SUCH_USER, "a".repeat(499) + "\uD83D\uDE00" + "b".repeat(10_000), "relay");
		suppressions.suppress(blank, Suppressions.NO_SUCH_USER, " \r\n ", "relay");

		assertThat(suppressions.find(crlf).orElseThrow().detail()).isEqualTo("550 5.1.1 <x> X-Injected: yes more");
		assertThat(suppressions.find(huge).orElseThrow().detail()).isEqualTo("a".repeat(499));
		assertThat(suppressions.find(blank).orElseThrow().detail()).isNull();
	}

	@Test
	void aReasonOrSourceThatIsNotAShortCodeIsRefusedAndNothingIsStored() {
		EmailAddress address = email(unique("codes"));

		for (String bad : new String[] { null, "", "No Such User", "no-such-user\r\n", "x".repeat(41), "-x" }) {
			assertThatThrownBy(() -> suppressions.suppress(address, bad, null, "relay")).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> suppressions.suppress(address, Suppressions.ORGANIZER, null, bad))
				.isInstanceOf(IllegalArgumentException.class);
		}

		assertThat(suppressions.isSuppressed(address)).isFalse();
		assertThat(suppressions.suppress(address, "complaint", null, "blast:42")).isTrue();
	}

	@Test
	void theListKeepsOnlyTheKeyedHashOfTheAddressTheSameOneTheConsentLedgerKeeps() {
		String address = unique("Hashed");
		suppressions.suppress(email(address), Suppressions.ORGANIZER, "asked by phone", Suppressions.API);

		List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM suppressed_addresses WHERE address_hash = :hash")
			.param("hash", HASHER.hash(address.toLowerCase()))
			.query()
			.listOfRows();

		assertThat(rows).hasSize(1);
		assertThat(rows.getFirst().values()).allSatisfy(value -> assertThat(String.valueOf(value).toLowerCase())
			.doesNotContain(address.toLowerCase().substring(0, address.indexOf('@'))));
	}

	@Test
	void aSubscriberIsStoredWithTheKeyedHashOfItsEmailKey() {
		Subscriber subscriber = subscribers.findOrCreate(details(unique("Maria.Lopez")));

		Map<String, Object> row = jdbc.sql("SELECT email_key, email_hash FROM subscribers WHERE id = :id").param("id", subscriber.id())
			.query().singleRow();

		assertThat(value(row, "email_hash")).isEqualTo(HASHER.hash((String) value(row, "email_key")))
			.isEqualTo(HASHER.hash(subscriber.email().matchKey()));
	}

	@Test
	void theSnapshotConditionLeavesSuppressedSubscribersOut() {
		Subscriber kept = subscribers.findOrCreate(details(unique("kept")));
		Subscriber gone = subscribers.findOrCreate(details(unique("gone")));

		suppressions.suppress(email(gone.email().value().toUpperCase()), Suppressions.NO_SUCH_USER, null, "relay");

		assertThat(snapshot(kept.id(), gone.id())).containsExactly(kept.id());
	}

	@Test
	void aSuppressionFollowsTheAddressNotTheSubscribersRowAndOutlivesItsDeletion() {
		String address = unique("moved");
		String newAddress = unique("new-address");
		Subscriber subscriber = subscribers.findOrCreate(details(address));
		suppressions.suppress(email(address), Suppressions.NO_SUCH_USER, null, "relay");

		// Changing the row's address (as a future correction could) leaves the suppression with the old address.
		jdbc.sql("UPDATE subscribers SET email = :e, email_key = :e, email_hash = :h WHERE id = :id")
			.param("e", newAddress).param("h", HASHER.hash(newAddress)).param("id", subscriber.id()).update();
		assertThat(suppressions.isSuppressed(email(address))).isTrue();
		assertThat(suppressions.isSuppressed(email(newAddress))).isFalse();
		assertThat(snapshot(subscriber.id())).containsExactly(subscriber.id());

		// Erased, then signed up (or imported) again: still suppressed.
		jdbc.sql("DELETE FROM subscribers WHERE id = :id").param("id", subscriber.id()).update();
		assertThat(suppressions.isSuppressed(email(address))).isTrue();
		Subscriber back = subscribers.findOrCreate(details(address));
		assertThat(back.id()).isNotEqualTo(subscriber.id());
		assertThat(snapshot(back.id())).isEmpty();
	}

	@Test
	void liftingRemovesASuppressionAndSaysWhetherThereWasOne() {
		EmailAddress address = email(unique("wrong"));
		Subscriber subscriber = subscribers.findOrCreate(details(address.value()));
		suppressions.suppress(address, Suppressions.NO_SUCH_USER, "550 5.1.1 (the relay was wrong)", "relay");

		assertThat(suppressions.lift(email(address.value().toUpperCase()))).isTrue();
		assertThat(suppressions.lift(address)).isFalse();

		assertThat(suppressions.isSuppressed(address)).isFalse();
		assertThat(snapshot(subscriber.id())).containsExactly(subscriber.id());
		assertThat(suppressions.suppress(address, Suppressions.ORGANIZER, null, Suppressions.API)).isTrue();
	}

	@Test
	void theBackfillGivesEveryRowWithoutAHashItsHashInBatchesAndThenFindsNothingToDo() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			keys.add(unique("before-" + i).toLowerCase());
			insertWithoutHash(keys.getLast());
		}
		Subscriber recent = subscribers.findOrCreate(details(unique("recent")));
		suppressions.suppress(email(keys.get(3)), Suppressions.NO_SUCH_USER, null, "relay");

		assertThat(backfill.fill(2)).isEqualTo(5);
		assertThat(backfill.fill()).isZero();

		List<Map<String, Object>> rows = jdbc.sql("SELECT id, email_key, email_hash FROM subscribers WHERE email_key IN (:keys)")
			.param("keys", keys).query().listOfRows();
		assertThat(rows).hasSize(5)
			.allSatisfy(row -> assertThat(value(row, "email_hash")).isEqualTo(HASHER.hash((String) value(row, "email_key"))));
		long suppressedId = rows.stream().filter(r -> keys.get(3).equals(value(r, "email_key"))).map(r -> ((Number) value(r, "id")).longValue())
			.findFirst().orElseThrow();
		List<Long> ids = rows.stream().map(r -> ((Number) value(r, "id")).longValue()).toList();
		assertThat(snapshot(ids.toArray(Long[]::new))).hasSize(4).doesNotContain(suppressedId);
		assertThat(snapshot(recent.id())).containsExactly(recent.id());
	}

	@Test
	void theBackfillHasRunByTheTimeTheContextIsUp() {
		assertThat(suppressions.ready()).isTrue();
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email_hash IS NULL")).isZero();
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void suppressingJoinsTheCallersTransactionAndWorksWithoutOne() {
		EmailAddress rolledBack = email(unique("rolled-back"));
		EmailAddress alone = email(unique("alone"));

		transactions.executeWithoutResult(status -> {
			assertThat(suppressions.suppress(rolledBack, Suppressions.NO_SUCH_USER, null, "relay")).isTrue();
			assertThat(suppressions.isSuppressed(rolledBack)).isTrue();
			status.setRollbackOnly();
		});
		assertThat(suppressions.suppress(alone, Suppressions.NO_SUCH_USER, null, "relay")).isTrue();

		assertThat(suppressions.isSuppressed(rolledBack)).isFalse();
		assertThat(suppressions.isSuppressed(alone)).isTrue();
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void suppressingOneAddressFromManyTransactionsAtOnceStoresOneRowAndOnlyOneCallSaysNew() throws Exception {
		EmailAddress address = email(unique("at-once"));
		int callers = 4;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			for (int i = 0; i < callers; i++) {
				String source = "instance-" + i;
				answers.add(pool.submit(() -> {
					start.await();
					return transactions.execute(status -> suppressions.suppress(address, Suppressions.NO_SUCH_USER, source, source));
				}));
			}
			start.countDown();
			List<Boolean> results = new ArrayList<>();
			for (Future<Boolean> answer : answers) {
				results.add(answer.get());
			}
			assertThat(results).containsOnlyOnce(true);
		}
		assertThat(count("SELECT COUNT(*) FROM suppressed_addresses WHERE address_hash = '" + hash(address) + "'")).isEqualTo(1);
	}

	private List<Long> snapshot(Long... ids) {
		return jdbc.sql("SELECT s.id FROM subscribers s WHERE s.id IN (:ids) AND " + Suppressions.NOT_SUPPRESSED + " ORDER BY s.id")
			.param("ids", List.of(ids))
			.query(Long.class)
			.list();
	}

	private void insertWithoutHash(String key) {
		jdbc.sql("""
				INSERT INTO subscribers (email, email_key, first_name, last_name, zip, language, created_at)
				VALUES (:key, :key, 'Old', 'Row', '10004', 'en', :now)""")
			.param("key", key)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow().getValue();
	}

	private static String hash(EmailAddress address) {
		return HASHER.hash(address.matchKey());
	}

	private static EmailAddress email(String address) {
		return EmailAddress.parse(address);
	}

	private static NewSubscriber details(String email) {
		return new NewSubscriber(EmailAddress.parse(email), "Ana", "Tester", "10004", null, "en");
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
