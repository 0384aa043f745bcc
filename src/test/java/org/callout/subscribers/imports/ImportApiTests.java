package org.callout.subscribers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentSource;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Suppressions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** CSV imports through the organizer API: consent evidence, people's own choices, dry runs, re-runs, progress. */
abstract class ImportApiTests extends ImportSupport {

	@Autowired
	ConsentLedger ledger;

	@Autowired
	AddressHasher hasher;

	@Autowired
	Suppressions suppressions;

	@Autowired
	Memberships memberships;

	@Autowired
	SubscriberLists lists;

	@Autowired
	TransactionTemplate transactions;

	private static String confirmedRow(String email) {
		return email + ",Ana,Pérez,10004,2021-05-01T10:00:00Z,2021-05-02T11:30:00-04:00,2021 rally sheet,203.0.113.7\r\n";
	}

	@Test
	void aRowWithConfirmationEvidenceBecomesConfirmedWithTheEvidenceAsGivenInTheLedger() throws Exception {
		String email = unique("confirmed");

		JsonNode answer = imported(HEADER + confirmedRow(email), "");

		assertThat(counts(answer).get("new").asInt()).isEqualTo(1);
		assertThat(membership(email, "supporters")).isEqualTo("CONFIRMED");
		var events = jdbc.sql("""
				SELECT kind, occurred_at, recorded_at, source, ip_address, import_id, evidence_source, evidence_consented_at,
				       evidence_confirmed_at FROM consent_events WHERE subscriber_id = :id ORDER BY id""")
			.param("id", subscriberId(email))
			.query((rs, row) -> Map.of("kind", rs.getString(1), "at", rs.getObject(2, OffsetDateTime.class).toInstant(), "recorded",
					rs.getObject(3, OffsetDateTime.class).toInstant(), "source", rs.getString(4), "ip", rs.getString(5), "import",
					rs.getLong(6), "evidence", rs.getString(7), "consentedCell", rs.getString(8), "confirmedCell", rs.getString(9)))
			.list();
		assertThat(events).extracting(e -> e.get("kind")).containsExactly("GRANTED", "CONFIRMED");
		assertThat(events.get(0).get("at")).isEqualTo(Instant.parse("2021-05-01T10:00:00Z"));
		assertThat(events.get(1).get("at")).isEqualTo(Instant.parse("2021-05-02T15:30:00Z"));
		assertThat(events.get(1).get("confirmedCell")).isEqualTo("2021-05-02T11:30:00-04:00");
		assertThat(events).allSatisfy(e -> {
			assertThat(e.get("source")).isEqualTo("import");
			assertThat(e.get("ip")).isEqualTo("203.0.113.7");
			assertThat(e.get("evidence")).isEqualTo("2021 rally sheet");
			assertThat(e.get("import")).isEqualTo(answer.get("importRun").get("id").asLong());
			assertThat((Instant) e.get("recorded")).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
		});
	}

	@Test
	void aRowWithConsentButNoConfirmationIsUnconfirmedWithOnlyAGrantedEvent() throws Exception {
		String email = unique("granted");

		imported(HEADER + email + ",Ana,Pérez,10004,2022-01-01,,web form,\r\n", "");

		assertThat(membership(email, "supporters")).isEqualTo("UNCONFIRMED");
		assertThat(jdbc.sql("SELECT kind FROM consent_events WHERE subscriber_id = :id").param("id", subscriberId(email))
			.query(String.class).list()).containsExactly("GRANTED");
	}

	@Test
	void aRowWithoutConsentEvidenceIsUnconfirmedAndRecordsNoConsent() throws Exception {
		String email = unique("bare");

		imported("email\n" + email + "\n", "");

		assertThat(membership(email, "supporters")).isEqualTo("UNCONFIRMED");
		assertThat(count("SELECT COUNT(*) FROM consent_events WHERE subscriber_id = " + subscriberId(email))).isZero();
	}

	@Test
	void someoneWhoUnsubscribedIsSkippedWhateverTheFileSays() throws Exception {
		String email = unique("left");
		imported(HEADER + confirmedRow(email), "");
		long listId = lists.bySlug("supporters").orElseThrow().id();
		transactions.executeWithoutResult(tx -> memberships.unsubscribe(subscriberId(email), listId));

		JsonNode again = imported(HEADER + confirmedRow(email.toUpperCase()), "update=overwrite");

		assertThat(outcomes(again)).containsExactly("2:skipped:unsubscribed");
		assertThat(membership(email, "supporters")).isEqualTo("UNSUBSCRIBED");
	}

	@Test
	void aWithdrawalInTheLedgerSkipsTheAddressEvenWithNobodyOnFile() throws Exception {
		String email = unique("erased");
		long listId = lists.bySlug("supporters").orElseThrow().id();
		ledger.record(new ConsentEvent(999_999, listId, ConsentKind.WITHDRAWN, null, Instant.now(), null, null, ConsentSource.PAGE,
				null, null, "en", hasher.hash(email.toLowerCase())));

		JsonNode answer = imported(HEADER + confirmedRow(email), "");

		assertThat(outcomes(answer)).containsExactly("2:skipped:unsubscribed");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email_key = '" + email.toLowerCase() + "'")).isZero();
	}

	@Test
	void someoneWhoSaidThisWasntMeIsSkipped() throws Exception {
		String email = unique("notme");
		long listId = lists.bySlug("supporters").orElseThrow().id();
		ledger.record(new ConsentEvent(999_998, listId, ConsentKind.REPORTED_NOT_ME, null, Instant.now(), null, null,
				ConsentSource.FORM, null, null, "en", hasher.hash(email.toLowerCase())));

		JsonNode answer = imported(HEADER + confirmedRow(email), "");

		assertThat(outcomes(answer)).containsExactly("2:skipped:reported not me");
		assertThat(membership(email, "supporters")).isNull();
	}

	@Test
	void aSuppressedAddressIsSkipped() throws Exception {
		String email = unique("suppressed");
		suppressions.suppress(EmailAddress.parse(email), Suppressions.NO_SUCH_USER, "550 5.1.1", "relay");

		JsonNode answer = imported(HEADER + confirmedRow(email.toUpperCase()), "");

		assertThat(outcomes(answer)).containsExactly("2:skipped:suppressed");
		assertThat(membership(email, "supporters")).isNull();
	}

	@Test
	void aPersonErasedAfterAnImportIsSkippedWhenTheSameFileIsImportedAgain() throws Exception {
		String confirmed = unique("erased-confirmed");
		String pending = unique("erased-pending");
		String csv = HEADER + confirmedRow(confirmed) + pending + ",Ben,Ruiz,12207,,,,\r\n";
		imported(csv, "");
		assertThat(membership(pending, "supporters")).isEqualTo("UNCONFIRMED");

		for (String email : List.of(confirmed, pending)) {
			HttpResponse<String> erased = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/erasures"))
				.header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		}
		JsonNode again = imported(csv, "");

		assertThat(outcomes(again)).containsExactly("2:skipped:suppressed", "3:skipped:suppressed");
		assertThat(membership(confirmed, "supporters")).isNull();
		assertThat(membership(pending, "supporters")).isNull();
	}

	@Test
	void anErasureClearsTheImportedSourceCellWhichMayNameThePersonAndKeepsTheEvents() throws Exception {
		String email = unique("source-cell");
		imported(HEADER + email + ",Ana,Pérez,10004,2021-05-01T10:00:00Z,2021-05-02T11:30:00-04:00,https://join.example.org/?ref="
				+ email + ",203.0.113.7\r\n", "");
		String needle = "%" + email.toLowerCase(java.util.Locale.ROOT) + "%";
		String count = "SELECT COUNT(*) FROM consent_events WHERE LOWER(evidence_source) LIKE :needle";
		assertThat(jdbc.sql(count).param("needle", needle).query(Long.class).single()).isEqualTo(2);

		HttpResponse<String> erased = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/erasures"))
			.header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		assertThat(jdbc.sql(count).param("needle", needle).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_events WHERE evidence_text IS NULL AND evidence_consented_at = '2021-05-01T10:00:00Z'"
				+ " AND ip_address IS NULL AND source = 'import' AND evidence_source IS NULL").query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Autowired
	org.callout.subscribers.internal.PersonWrites personWrites;

	@Test
	void anImportWaitsWhileAnErasureHoldsThePersonLockSoTheyNeverInterleave() throws Exception {
		String email = unique("waits");
		java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		CompletableFuture<Void> erasure = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
			personWrites.lock();
			locked.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}), java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(() -> {
			try {
				return importCsv(HEADER + confirmedRow(email), "");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());

		Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> membership(email, "supporters") == null);
		assertThat(importing).isNotDone();
		release.countDown();
		erasure.get(10, TimeUnit.SECONDS);
		assertThat(importing.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
		assertThat(membership(email, "supporters")).isEqualTo("CONFIRMED");
	}

	@Test
	void aDryRunWritesNothingAndReportsExactlyWhatTheRealRunThenDoes() throws Exception {
		String known = unique("known");
		imported("email,first_name\n" + known + ",\n", "");
		String fresh = unique("fresh");
		String suppressed = unique("gone");
		suppressions.suppress(EmailAddress.parse(suppressed), Suppressions.ORGANIZER, null, "api");
		String csv = HEADER + confirmedRow(fresh) + confirmedRow(known) + confirmedRow(suppressed) + "not-an-address,,,,,,,\r\n"
				+ confirmedRow(fresh.toUpperCase());
		long events = ledgerEvents();

		JsonNode dry = dryRun(csv, "update=fill-blanks&rows=all");
		long eventsAfterDryRun = ledgerEvents();
		String freshAfterDryRun = membership(fresh, "supporters");
		JsonNode real = json.readTree(importCsv(csv, "update=fill-blanks&rows=all").body());

		assertThat(eventsAfterDryRun).isEqualTo(events);
		assertThat(freshAfterDryRun).isNull();
		assertThat(dry.get("rows")).isEqualTo(real.get("rows"));
		assertThat(counts(dry)).isEqualTo(counts(real));
		assertThat(outcomes(real)).containsExactly("2:new", "3:updated", "4:skipped:suppressed",
				"5:refused:That does not look like an email address.", "6:refused:duplicate of row 2");
	}

	@Test
	void aSecondRunOfTheSameFileChangesNothing() throws Exception {
		String confirmed = unique("twice");
		String pending = unique("twice-pending");
		String csv = HEADER + confirmedRow(confirmed) + pending + ",Bo,Li,,2020-02-02,,,\r\n";
		imported(csv, "update=overwrite");
		long events = ledgerEvents();

		JsonNode second = imported(csv, "update=overwrite&rows=all");

		assertThat(outcomes(second)).containsExactly("2:unchanged", "3:unchanged");
		assertThat(ledgerEvents()).isEqualTo(events);
	}

	@Test
	void theListsColumnTakesSemicolonSeparatedSlugsAndTheListParameterIsTheDefault() throws Exception {
		lists.bySlug("import-a").orElseGet(() -> lists.create("import-a", "A", null, false));
		lists.bySlug("import-b").orElseGet(() -> lists.create("import-b", "B", null, false));
		String both = unique("both");
		String plain = unique("plain");

		imported("email,lists\n" + both + ",import-a; import-b\n" + plain + ",\n", "list=import-b");

		assertThat(membership(both, "import-a")).isEqualTo("UNCONFIRMED");
		assertThat(membership(both, "import-b")).isEqualTo("UNCONFIRMED");
		assertThat(membership(plain, "import-b")).isEqualTo("UNCONFIRMED");
		assertThat(membership(plain, "supporters")).isNull();
	}

	@Test
	void theProgressRowAnswersTheImportAfterItRan() throws Exception {
		JsonNode answer = imported("email\n" + unique("p1") + "\n" + unique("p2") + "\nbad\n", "");
		long id = answer.get("importRun").get("id").asLong();

		JsonNode status = json.readTree(admin("/api/v1/subscribers/imports/" + id).body());

		assertThat(status.get("status").asString()).isEqualTo("done");
		assertThat(status.get("total").asInt()).isEqualTo(3);
		assertThat(status.get("done").asInt()).isEqualTo(3);
		assertThat(status.get("counts").get("new").asInt()).isEqualTo(2);
		assertThat(status.get("counts").get("refused").asInt()).isEqualTo(1);
	}

	@Test
	void theProgressRowAnswersWhileTheImportRuns() throws Exception {
		StringBuilder csv = new StringBuilder("email\n");
		String tag = unique("running").replace("@example.org", "");
		for (int i = 0; i < 3000; i++) {
			csv.append(tag).append('-').append(i).append("@example.org\n");
		}
		CompletableFuture<HttpResponse<String>> running = http.sendAsync(
				HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/imports"))
					.header("Authorization", "Bearer " + ADMIN)
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
					.build(),
				HttpResponse.BodyHandlers.ofString());

		// In chunks of 2 rows (ImportSupport), 1 500 commits: the API is asked until it answers one part way.
		long id = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT MAX(id) FROM subscriber_imports WHERE total = 3000").query(Long.class).optional().orElse(null),
					found -> found != null);
		JsonNode midway = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> json.readTree(admin("/api/v1/subscribers/imports/" + id).body()),
					node -> "running".equals(node.get("status").asString()) && node.get("done").asInt() > 0);
		JsonNode finished = json.readTree(running.get(60, TimeUnit.SECONDS).body());

		assertThat(midway.get("done").asInt()).isLessThan(3000);
		assertThat(midway.get("total").asInt()).isEqualTo(3000);
		assertThat(finished.get("importRun").get("id").asLong()).isEqualTo(id);
		assertThat(finished.get("importRun").get("status").asString()).isEqualTo("done");
		assertThat(finished.get("importRun").get("done").asInt()).isEqualTo(3000);
	}

	@Test
	void importedConfirmedPeopleWithAZipGetTheirDistrictsLookedUp() throws Exception {
		String email = unique("districts");

		imported(HEADER + confirmedRow(email), "");

		long id = subscriberId(email);
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT COUNT(*) FROM representations WHERE subscriber_id = " + id) == 1);
	}

}
