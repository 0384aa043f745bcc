package org.callout.bills.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.callout.bills.BillStatus;
import org.callout.bills.TrackedBill;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The configured adjournments end the session for bills that did not pass both houses, once each. */
@H2Database
@SpringBootTest(properties = { "callout.bills.session-ends.2011=2011-06-24", "callout.bills.session-ends.2012=2012-06-21" })
class SessionEndsTests {

	@Autowired
	SessionEnds sessionEnds;

	@Autowired
	BillRegistry registry;

	@Autowired
	BillStore bills;

	@Autowired
	StatusRecorder recorder;

	@Autowired
	BillViews views;

	@Autowired
	HistoryStore history;

	@Test
	void aBillThatDidNotPassBothHousesEndsEachYearOnceAndFinallyInTheSecond() {
		long stuck = bill("S1101", "A1101");
		set(stuck, 0, BillStatus.IN_SENATE_COMM, "2011-01-20");
		long passed = bill("S1102", "A1102");
		set(passed, 0, BillStatus.PASSED_SENATE, "2011-05-01");
		set(passed, 1, BillStatus.PASSED_ASSEMBLY, "2011-05-02");
		long signed = bill("S1103", null);
		set(signed, 0, BillStatus.SIGNED_BY_GOV, "2011-06-01");

		sessionEnds.endDueSessions();

		assertThat(statuses(stuck)).containsOnly(BillStatus.SESSION_ENDED);
		assertThat(statuses(passed)).containsExactly(BillStatus.PASSED_SENATE, BillStatus.PASSED_ASSEMBLY);
		assertThat(statuses(signed)).containsExactly(BillStatus.SIGNED_BY_GOV);
		// Both years' ends are past: the first year's (not final) comes first, then the final one, once each.
		assertThat(history.ofBill(stuck).stream().filter(e -> e.to() == BillStatus.SESSION_ENDED && e.kind() == HistoryStore.Kind.STATUS))
			.extracting(HistoryStore.Entry::actionDate, HistoryStore.Entry::finalEnd, HistoryStore.Entry::source)
			.containsExactly(tuple(LocalDate.of(2011, 6, 24), false, "calendar"), tuple(LocalDate.of(2011, 6, 24), false, "calendar"),
					tuple(LocalDate.of(2012, 6, 21), true, "calendar"), tuple(LocalDate.of(2012, 6, 21), true, "calendar"));
		int rows = history.ofBill(stuck).size();
		sessionEnds.endDueSessions();
		assertThat(history.ofBill(stuck)).hasSize(rows);
	}

	@Test
	void aBillReReferredInJanuaryIsNotEndedAgainForThePastJune() {
		long bill = bill("S1104", null);
		set(bill, 0, BillStatus.IN_SENATE_COMM, "2011-01-20");
		long printId = bills.prints(bill).getFirst().id();
		sessionEnds.end(bill, LocalDate.of(2011, 6, 24), false, "calendar");
		recorder.record(StatusReport.of(printId, BillStatus.IN_SENATE_COMM, LocalDate.of(2012, 1, 4), "Codes", "openleg"));
		int rows = history.ofBill(bill).size();

		StatusRecorder.Outcome again = sessionEnds.end(bill, LocalDate.of(2011, 6, 24), false, "calendar");

		assertThat(again.result()).isEqualTo(StatusRecorder.Result.REPEAT);
		assertThat(history.ofBill(bill)).hasSize(rows);
		assertThat(statuses(bill)).containsExactly(BillStatus.IN_SENATE_COMM);
	}

	private long bill(String senate, String assembly) {
		return registry.register(new BillRegistry.Registration(2011, senate, assembly, null, null, null)).id();
	}

	private void set(long billId, int print, BillStatus status, String date) {
		recorder.record(StatusReport.of(bills.prints(billId).get(print).id(), status, LocalDate.parse(date), null, "api"));
	}

	private List<BillStatus> statuses(long billId) {
		return views.find(billId).orElseThrow().prints().stream().map(TrackedBill.Print::status).toList();
	}

}
