package org.callout.bills.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;
import org.callout.bills.TrackedBill;
import org.callout.platform.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organizer does to bills, with its audit entry, for the API and the console alike: one place for the
 * action codes and what they record. Refusals are the registry's and the status checks' own
 * {@link org.callout.platform.RequestRefusedException}s, field by field.
 */
@Service
public class BillActions {

	private final BillRegistry registry;

	private final BillViews views;

	private final StatusRequests statuses;

	private final HistoryStore history;

	private final AuditLog audit;

	BillActions(BillRegistry registry, BillViews views, StatusRequests statuses, HistoryStore history, AuditLog audit) {
		this.registry = registry;
		this.views = views;
		this.statuses = statuses;
		this.history = history;
		this.audit = audit;
	}

	/** One entry of a bill's status history, as a page shows it. */
	public record HistoryLine(String printNo, Chamber chamber, String kind, BillStatus from, BillStatus to,
			LocalDate actionDate, String committee, String source, Instant recordedAt) {
	}

	/** What setting a status did: ANNOUNCED, RECORDED, STALE or REPEAT. */
	public record StatusResult(String result, Long historyId) {
	}

	/** Tracks a bill by its print (and same-as print): {@code bill.create}. */
	@Transactional
	public TrackedBill register(Integer session, String printNo, String sameAs, String title) {
		return register(new BillRegistry.Registration(session, printNo, sameAs, title, null, null));
	}

	@Transactional
	TrackedBill register(BillRegistry.Registration request) {
		TrackedBill bill = registry.register(request);
		audit.record("bill.create", "bill:" + bill.id(), Map.of("session", bill.session(), "prints",
				bill.prints().stream().map(TrackedBill.Print::activePrintNo).toList()));
		return bill;
	}

	/** Sets a print's status by hand: {@code bill.status.set}, its source {@code organizer} from the console. */
	@Transactional
	public StatusResult setStatus(long id, String status, String actionDate, String committee, String print) {
		return setStatus(id, new StatusRequests.StatusRequest(status, actionDate, committee, print, null), "organizer");
	}

	@Transactional
	StatusResult setStatus(long id, StatusRequests.StatusRequest request, String source) {
		Map<String, Object> before = views.find(id).map(BillActions::statuses).orElse(null);
		StatusRecorder.Outcome outcome = statuses.apply(id, request, source);
		Map<String, Object> after = new LinkedHashMap<>(statuses(views.find(id).orElseThrow()));
		after.put("result", outcome.result().name());
		audit.record("bill.status.set", "bill:" + id, before, after);
		return new StatusResult(outcome.result().name(), outcome.historyId());
	}

	/** The bill's history, both prints, in the order Callout recorded it. */
	public List<HistoryLine> history(long id) {
		return history.ofBill(id).stream()
			.map(e -> new HistoryLine(e.printNo(), e.chamber(), e.kind().name(), e.from(), e.to(), e.actionDate(),
					e.committee(), e.source(), e.recordedAt()))
			.toList();
	}

	private static Map<String, Object> statuses(TrackedBill bill) {
		Map<String, Object> statuses = new LinkedHashMap<>();
		bill.prints().forEach(print -> statuses.put(print.activePrintNo(),
				print.status() == null ? null : print.status().name() + " " + print.statusDate()));
		return statuses;
	}

}
