package org.callout.bills.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.BillStatusChanged;
import org.callout.bills.Chamber;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a reported status to a print, exactly once: the same status again records and announces nothing; an
 * action older than the print's current one is kept in the history as STALE and changes nothing; an amendment
 * (a new active version) is a history row and announces nothing; a real change updates the print, appends its
 * history row and publishes {@link BillStatusChanged} in the same transaction.
 */
@Component
class StatusRecorder {

	enum Result {

		ANNOUNCED, RECORDED, STALE, REPEAT

	}

	/** What a report did; for a change, the print as it was (to announce it later, for a bill-wide change). */
	record Outcome(Result result, Long historyId, BillStore.PrintRow before, String printNo) {

		Outcome(Result result, Long historyId) {
			this(result, historyId, null, null);
		}

	}

	private final BillStore bills;

	private final HistoryStore history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StatusRecorder(BillStore bills, HistoryStore history, ApplicationEventPublisher events, Clock clock) {
		this.bills = bills;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Outcome record(StatusReport report) {
		return record(report, true);
	}

	/** @param announce false for the other print of a bill-wide change (the session end), announced once */
	@Transactional
	Outcome record(StatusReport report, boolean announce) {
		bills.lockBill(bills.billOf(report.printId()));
		BillStore.PrintRow print = bills.lockPrint(report.printId());
		// Decided under the lock: a status an organizer set a moment ago makes the poller's report news, not a start.
		boolean initial = report.initial() && print.status() == null;
		String printNo = print.activePrintNo();
		if (report.activePrintNo() != null && !report.activePrintNo().equals(printNo)) {
			bills.setActivePrint(print.id(), report.activePrintNo());
			printNo = report.activePrintNo();
			BillStatus kept = print.status() == null ? report.status() : print.status();
			append(print, printNo, HistoryStore.Kind.AMENDED, print.status(), kept, report);
		}
		if (print.statusDate() != null && report.actionDate().isBefore(print.statusDate())) {
			return new Outcome(Result.STALE, append(print, printNo, HistoryStore.Kind.STALE, print.status(), report.status(), report));
		}
		if (report.status() == print.status() && !endsForGood(print, report)) {
			return new Outcome(Result.REPEAT, null);
		}
		bills.setStatus(print.id(), report.status(), report.actionDate(), report.committee());
		boolean news = announce && !initial;
		long historyId = append(print, printNo, initial ? HistoryStore.Kind.INITIAL : HistoryStore.Kind.STATUS,
				print.status(), report.status(), report);
		if (!news) {
			return new Outcome(Result.RECORDED, historyId, print, printNo);
		}
		announce(new Outcome(Result.RECORDED, historyId, print, printNo), report);
		return new Outcome(Result.ANNOUNCED, historyId, print, printNo);
	}

	/** Publishes a recorded change; where the bill sits is read now, after every print of the change is written. */
	void announce(Outcome recorded, StatusReport report) {
		BillStore.PrintRow print = recorded.before();
		events.publishEvent(new BillStatusChanged(print.billId(), recorded.printNo(), print.chamber(), recorded.historyId(),
				print.status(), report.status(), report.actionDate(), actsNext(print.billId()), report.source(), report.finalEnd(), clock.instant()));
	}

	/** The second year's adjournment after the first one's, with no re-referral seen between: news all the same. */
	private boolean endsForGood(BillStore.PrintRow print, StatusReport report) {
		return report.status() == BillStatus.SESSION_ENDED && Boolean.TRUE.equals(report.finalEnd())
				&& !Boolean.TRUE.equals(history.lastSessionEnd(print.id()));
	}

	ActsNext actsNext(long billId) {
		Map<Chamber, BillStatus> statuses = new EnumMap<>(Chamber.class);
		bills.prints(billId).forEach(p -> statuses.put(p.chamber(), p.status()));
		return WhereItSits.of(statuses);
	}

	private long append(BillStore.PrintRow print, String printNo, HistoryStore.Kind kind, BillStatus from, BillStatus to,
			StatusReport report) {
		return history.append(new HistoryStore.Entry(0, print.billId(), print.id(), printNo, kind, from, to,
				report.actionDate(), report.committee(), Optional.ofNullable(to.chamber()).orElse(print.chamber()),
				report.source(), report.sourceRef(), report.finalEnd(), clock.instant()));
	}

}
