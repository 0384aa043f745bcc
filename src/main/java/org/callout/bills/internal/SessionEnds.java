package org.callout.bills.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session's end: New York's session runs two years, and the adjournment of each year is configured. On it,
 * every tracked bill of that session that has not passed both houses becomes SESSION_ENDED, one change per
 * bill (each print's history shows it; one {@code BillStatusChanged} announces it), final in the second year.
 */
@Component
class SessionEnds {

	private static final Logger log = LoggerFactory.getLogger(SessionEnds.class);

	private final BillStore bills;

	private final StatusRecorder recorder;

	private final HistoryStore history;

	private final BillsProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SessionEnds(BillStore bills, StatusRecorder recorder, HistoryStore history, BillsProperties properties, TransactionTemplate transactions,
			Clock clock) {
		this.bills = bills;
		this.recorder = recorder;
		this.history = history;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Ends the session for one bill; a bill that passed both houses, or has ended already, is left alone. */
	@Transactional
	StatusRecorder.Outcome end(long billId, LocalDate date, boolean finalEnd, String source) {
		bills.lockBill(billId);
		List<BillStore.PrintRow> prints = bills.prints(billId).stream().map(p -> bills.lockPrint(p.id())).toList();
		Map<Chamber, BillStatus> statuses = new EnumMap<>(Chamber.class);
		prints.forEach(p -> statuses.put(p.chamber(), p.status()));
		boolean passedBoth = WhereItSits.passed(statuses, Chamber.SENATE) && WhereItSits.passed(statuses, Chamber.ASSEMBLY);
		// Once per bill and end date: after the January re-referral the bill is alive again, and the calendar must
		// not end it a second time for the June that has passed.
		boolean endedAlready = history.ofBill(billId).stream()
			.anyMatch(e -> e.to() == BillStatus.SESSION_ENDED && e.actionDate().equals(date));
		boolean over = statuses.values().stream().anyMatch(s -> s != null && s.ends());
		// A print that moved after that day (a January re-referral, a bill tracked late) shows the end has passed.
		boolean movedSince = prints.stream().anyMatch(p -> p.statusDate() != null && p.statusDate().isAfter(date));
		if (passedBoth || endedAlready || over || movedSince) {
			return new StatusRecorder.Outcome(StatusRecorder.Result.REPEAT, null);
		}
		StatusRecorder.Outcome first = null;
		StatusReport firstReport = null;
		for (BillStore.PrintRow print : prints) {
			StatusReport report = new StatusReport(print.id(), null, BillStatus.SESSION_ENDED, date, null, source, null, false,
					finalEnd);
			StatusRecorder.Outcome outcome = recorder.record(report, false);
			if (first == null && outcome.result() == StatusRecorder.Result.RECORDED) {
				first = outcome;
				firstReport = report;
			}
		}
		if (first == null) {
			return new StatusRecorder.Outcome(StatusRecorder.Result.REPEAT, null);
		}
		// One announcement per bill, once every print says so: where it sits is then "nobody".
		recorder.announce(first, firstReport);
		StatusRecorder.Outcome result = new StatusRecorder.Outcome(StatusRecorder.Result.ANNOUNCED, first.historyId(),
				first.before(), first.printNo());
		return result;
	}

	/** Checked every six hours and soon after start: a day missed while the service was down is caught up. */
	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT6H")
	@SchedulerLock(name = "bills-session-ends", lockAtMostFor = "PT10M")
	void endDueSessions() {
		LocalDate today = LocalDate.now(clock.withZone(StatusRequests.ALBANY));
		properties.sessionEnds().forEach((year, date) -> {
			if (!date.isAfter(today)) {
				int session = year % 2 == 1 ? year : year - 1;
				boolean finalEnd = year % 2 == 0;
				for (BillStore.BillRow bill : bills.billsOfSession(session)) {
					StatusRecorder.Outcome outcome = transactions.execute(status -> end(bill.id(), date, finalEnd, "calendar"));
					if (outcome != null && outcome.result() == StatusRecorder.Result.ANNOUNCED) {
						log.info("Session {} ended on {} ({}): bill {} did not pass both houses", session, date,
								finalEnd ? "final" : "first year", bill.id());
					}
				}
			}
		});
	}

}
