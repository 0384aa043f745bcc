package org.callout.bills.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.callout.bills.ActsNext;
import org.callout.bills.BillEvents;
import org.callout.bills.BillStatus;
import org.callout.bills.BillStatusChanged;
import org.callout.bills.TrackedBill;
import org.callout.bills.internal.openleg.OpenLegException;
import org.callout.legislators.Legislators;
import org.callout.support.H2Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The poller against a local server speaking Open Legislation's documented JSON. */
@H2Database
@SpringBootTest(properties = { "callout.bills.openleg.api-key=test-openleg-key", "callout.bills.openleg.timeout=1s",
		"callout.bills.openleg.initial-delay=1h" })
@Import(OpenLegPollerTests.Events.class)
class OpenLegPollerTests {

	static final OpenLegServer openleg = new OpenLegServer();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("callout.bills.openleg.base-url", openleg::baseUrl);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		@Bean
		BillEvents billEvents() {
			return new BillEvents();
		}

	}

	@Autowired
	OpenLegPoller poller;

	@Autowired
	BillRegistry registry;

	@Autowired
	BillViews views;

	@Autowired
	HistoryStore history;

	@Autowired
	BillEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionEnds sessionEnds;

	@Autowired
	Legislators legislators;

	@Autowired
	MeterRegistry meters;

	@AfterAll
	static void stop() {
		openleg.close();
	}

	@BeforeEach
	void healthy() {
		openleg.failWith(OpenLegServer.Failure.NONE);
		openleg.updates();
		poller.poll();
	}

	@Test
	void theNewYorkForAllActsPathIsFollowedAndEachRealChangeAnnouncedOnce() {
		long id = track("S3076", null);
		openleg.bill("S3076", "", "INTRODUCED", "2021-01-28", null, "A2328", "Julia Salazar", 18);
		openleg.bill("A2328", "", "IN_ASSEMBLY_COMM", "2021-01-25", "Codes", "S3076", "Karines Reyes", 87);

		poller.poll(); // First fetch: where the bill stands is recorded, not announced; the same-as print is added.
		poller.poll(); // The new A2328 print is fetched once.
		openleg.bill("S3076", "", "IN_SENATE_COMM", "2021-01-28", "Finance", "A2328", "Julia Salazar", 18);
		openleg.updates("S3076");
		poller.poll();
		poller.poll(); // The same window again (a replay): nothing new.
		openleg.bill("S3076", "A", "IN_SENATE_COMM", "2021-05-10", "Finance", "A2328", "Julia Salazar", 18);
		poller.poll(); // Amended to S3076A with the same status.

		TrackedBill bill = views.find(id).orElseThrow();
		assertThat(bill.prints()).extracting(TrackedBill.Print::activePrintNo).containsExactly("S3076A", "A2328");
		assertThat(bill.prints()).extracting(TrackedBill.Print::status).containsExactly(BillStatus.IN_SENATE_COMM, BillStatus.IN_ASSEMBLY_COMM);
		assertThat(bill.title()).isEqualTo("Enacts the New York for All Act");
		assertThat(bill.prints().getFirst().sponsors()).extracting(TrackedBill.Sponsor::name).containsExactly("Julia Salazar", "Jessica Ramos");
		assertThat(bill.prints().get(1).sponsors().getFirst().name()).isEqualTo("Karines Reyes");
		// Matched to the directory by name: the Act's champions are the senator for district 18 and the
		// assembly member for district 87.
		assertThat(legislators.byId(bill.prints().getFirst().sponsors().getFirst().legislatorId())).hasValueSatisfying(l -> {
			assertThat(l.district()).isEqualTo("18");
			assertThat(l.chamber()).isEqualTo(org.callout.legislators.Chamber.UPPER);
		});
		assertThat(legislators.byId(bill.prints().get(1).sponsors().getFirst().legislatorId()))
			.hasValueSatisfying(l -> assertThat(l.district()).isEqualTo("87"));
		assertThat(bill.prints().getFirst().sponsors().get(1).legislatorId()).isNotNull();
		assertThat(history.ofBill(id)).extracting(HistoryStore.Entry::kind)
			.containsExactly(HistoryStore.Kind.INITIAL, HistoryStore.Kind.INITIAL, HistoryStore.Kind.STATUS, HistoryStore.Kind.AMENDED);
		assertThat(awaitEvents(id, 1)).singleElement().satisfies(e -> {
			assertThat(e.from()).isEqualTo(BillStatus.INTRODUCED);
			assertThat(e.to()).isEqualTo(BillStatus.IN_SENATE_COMM);
			assertThat(e.source()).isEqualTo("openleg");
			assertThat(e.printNo()).isEqualTo("S3076");
		});
		assertThat(history.ofBill(id).get(2).sourceRef()).startsWith("2022-01-05-00.00.00.000000_LDSPON_S3076");

		sessionEnds.end(id, LocalDate.of(2021, 6, 10), false, "calendar"); // The session closed without a vote.
		poller.poll(); // Open Legislation still says IN_SENATE_COMM, as of an earlier date: nothing changes.

		List<BillStatusChanged> all = awaitEvents(id, 2);
		assertThat(all.getLast().to()).isEqualTo(BillStatus.SESSION_ENDED);
		assertThat(all.getLast().printNo()).isEqualTo("S3076A");
		assertThat(all.getLast().actsNext()).isEqualTo(ActsNext.NOBODY);
		assertThat(views.find(id).orElseThrow().prints()).extracting(TrackedBill.Print::status).containsOnly(BillStatus.SESSION_ENDED);
	}

	@Test
	void eachPollReadsTheFeedFromTheStoredCursorWithAnHoursOverlap() {
		poller.poll();
		Instant cursor = jdbc.sql("SELECT updated_through FROM openleg_cursor").query(OffsetDateTime.class).single().toInstant();
		openleg.requests.clear();

		poller.poll();

		String from = LocalDateTime.ofInstant(cursor.minus(Duration.ofHours(1)), ZoneId.of("America/New_York"))
			.truncatedTo(ChronoUnit.MINUTES).toString();
		assertThat(openleg.requests).anyMatch(r -> r.startsWith("/api/3/bills/updates/" + from + "/") && r.contains("filter=STATUS")
				&& r.contains("key=test-openleg-key"));
	}

	@Test
	void whilePollingOnOneInstanceTheOtherSkipsItsTurn() throws Exception {
		long id = track("S8001", null);
		openleg.bill("S8001", "", "INTRODUCED", "2021-02-01", null, "A1", "Julia Salazar", 18);
		poller.poll();
		openleg.failWith(OpenLegServer.Failure.SLOW); // The first instance's poll hangs on Open Legislation.
		openleg.requests.clear();
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			Future<?> first = other.submit(poller::scheduledPoll);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !openleg.requests.isEmpty());

			poller.scheduledPoll(); // The second instance's turn, through the same lock table.

			assertThat(openleg.requests).hasSize(1);
			first.get(10, TimeUnit.SECONDS);
		}
		finally {
			other.shutdownNow();
		}
		assertThat(views.find(id).orElseThrow().prints().getFirst().status()).isEqualTo(BillStatus.INTRODUCED);
	}

	@Test
	void anUpdatesFeedOfSeveralPagesIsReadPageByPage() {
		long first = track("S4001", null);
		long second = track("S4002", null);
		openleg.bill("S4001", "", "INTRODUCED", "2021-02-01", null, "A1", "Julia Salazar", 18);
		openleg.bill("S4002", "", "INTRODUCED", "2021-02-01", null, "A1", "Julia Salazar", 18);
		poller.poll();
		openleg.bill("S4001", "", "SENATE_FLOOR", "2021-03-01", null, "A1", "Julia Salazar", 18);
		openleg.bill("S4002", "", "PASSED_SENATE", "2021-03-02", null, "A1", "Julia Salazar", 18);
		openleg.updates("S9999", "S4001", "S4002");
		openleg.requests.clear();

		poller.poll();

		assertThat(openleg.requests.stream().filter(r -> r.contains("/updates/"))).hasSize(3)
			.anyMatch(r -> r.contains("offset=2")).anyMatch(r -> r.contains("offset=3"));
		assertThat(views.find(first).orElseThrow().prints().getFirst().status()).isEqualTo(BillStatus.SENATE_FLOOR);
		assertThat(views.find(second).orElseThrow().prints().getFirst().status()).isEqualTo(BillStatus.PASSED_SENATE);
	}

	@Test
	void aRefusedKeyAServerErrorASlowOrAMalformedAnswerChangesNoStatusAndBacksOff() {
		long id = track("S5001", null);
		openleg.bill("S5001", "", "INTRODUCED", "2021-02-01", null, "A1", "Julia Salazar", 18);
		poller.poll();
		openleg.bill("S5001", "", "IN_SENATE_COMM", "2021-02-03", "Codes", "A1", "Julia Salazar", 18);
		openleg.updates("S5001");

		for (OpenLegServer.Failure failure : List.of(OpenLegServer.Failure.UNAUTHORIZED, OpenLegServer.Failure.SERVER_ERROR,
				OpenLegServer.Failure.SLOW, OpenLegServer.Failure.MALFORMED)) {
			openleg.failWith(failure);
			assertThat(poller.poll()).as(failure.name()).isZero();
			assertThat(views.find(id).orElseThrow().prints().getFirst().status()).as(failure.name()).isEqualTo(BillStatus.INTRODUCED);
		}
		assertThat(poller.loggedKinds()).containsExactlyInAnyOrder(
				OpenLegException.Kind.UNAUTHORIZED,
				OpenLegException.Kind.SERVER_ERROR,
				OpenLegException.Kind.UNREACHABLE,
				OpenLegException.Kind.MALFORMED);
		assertThat(poller.backoff()).isGreaterThan(Duration.ofMinutes(15));
		assertThat(meters.counter("callout.openleg.failures", "kind", "UNAUTHORIZED").count()).isPositive();
		assertThat(meters.counter("callout.openleg.failures", "kind", "MALFORMED").count()).isPositive();
		openleg.failWith(OpenLegServer.Failure.NONE);
		openleg.requests.clear();
		poller.scheduledPoll(); // Backing off: the scheduled poll does not call at all yet.
		assertThat(openleg.requests).isEmpty();
		assertThat(poller.waiting()).isTrue();

		poller.poll(); // The window the failures did not read is read now.

		assertThat(views.find(id).orElseThrow().prints().getFirst().status()).isEqualTo(BillStatus.IN_SENATE_COMM);
		assertThat(poller.loggedKinds()).isEmpty();
		assertThat(poller.backoff()).isZero();
	}

	@Test
	void aPrintOpenLegislationDoesNotKnowIsReportedAndTheOthersStillFollowed() {
		long unknown = track("S7777", null);
		long known = track("S7001", null);
		openleg.bill("S7001", "", "IN_SENATE_COMM", "2021-02-01", "Codes", "A1", "Julia Salazar", 18);

		poller.poll();

		assertThat(views.find(unknown).orElseThrow().prints().getFirst().status()).isNull();
		assertThat(views.find(known).orElseThrow().prints().getFirst().status()).isEqualTo(BillStatus.IN_SENATE_COMM);
	}

	@Test
	void theCursorIsKeptInTheDatabase() {
		poller.poll();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM openleg_cursor").query(Long.class).single()).isEqualTo(1);
	}

	private long track(String printNo, String sameAs) {
		return registry.register(new BillRegistry.Registration(2021, printNo, sameAs, null, null, null)).id();
	}

	private List<BillStatusChanged> awaitEvents(long id, int expected) {
		return events.awaitExactly(id, expected);
	}

}
