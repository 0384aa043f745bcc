package org.callout.bills.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A status set through the API ({@code POST /api/v1/bills/{id}/status}), checked, then recorded. */
@Component
class StatusRequests {

	static final ZoneId ALBANY = ZoneId.of("America/New_York");

	private final BillStore bills;

	private final StatusRecorder recorder;

	private final SessionEnds sessionEnds;

	private final Clock clock;

	StatusRequests(BillStore bills, StatusRecorder recorder, SessionEnds sessionEnds, Clock clock) {
		this.bills = bills;
		this.recorder = recorder;
		this.sessionEnds = sessionEnds;
		this.clock = clock;
	}

	record StatusRequest(String status, String actionDate, String committee, String print, Boolean finalEnd) {
	}

	@Transactional
	StatusRecorder.Outcome apply(long billId, StatusRequest request, String source) {
		bills.bill(billId).orElseThrow(() -> BillRegistry.notFound(billId));
		List<BillStore.PrintRow> prints = bills.prints(billId);
		List<FieldError> errors = new ArrayList<>();
		BillStatus status = Arrays.stream(BillStatus.values())
			.filter(s -> s.name().equals(request.status()))
			.findFirst()
			.orElse(null);
		if (status == null) {
			errors.add(new FieldError("status", "Give one of Open Legislation's status types, or SESSION_ENDED: "
					+ Arrays.toString(BillStatus.values()) + "."));
		}
		LocalDate today = LocalDate.now(clock.withZone(ALBANY));
		int session = bills.bill(billId).orElseThrow().session();
		LocalDate date = date(request.actionDate(), today, session, errors);
		String committee = request.committee() == null || request.committee().isBlank() ? null : request.committee().strip();
		if (committee != null && committee.length() > 200) {
			errors.add(new FieldError("committee", "The committee's name is limited to 200 characters."));
		}
		BillStore.PrintRow print = status == null || status == BillStatus.SESSION_ENDED ? null
				: print(prints, status, request.print(), errors);
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid status", errors);
		}
		if (status == BillStatus.SESSION_ENDED) {
			return sessionEnds.end(billId, date, Boolean.TRUE.equals(request.finalEnd()), source);
		}
		return recorder.record(StatusReport.of(print.id(), status, date, committee, source));
	}

	/** Required: a default of today would let a report about the past move a bill of an old session. */
	private static LocalDate date(String raw, LocalDate today, int session, List<FieldError> errors) {
		if (raw == null || raw.isBlank()) {
			errors.add(new FieldError("actionDate", "Give the date the legislature acted, as YYYY-MM-DD."));
			return today;
		}
		try {
			LocalDate date = LocalDate.parse(raw.strip());
			if (date.isAfter(today)) {
				errors.add(new FieldError("actionDate", "The action date cannot be in the future (today in Albany is " + today + ")."));
			}
			else if (date.getYear() < session || date.getYear() > session + 1) {
				errors.add(new FieldError("actionDate", "The " + session + " session runs through " + session + " and "
						+ (session + 1) + "; " + date + " is outside it."));
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError("actionDate", "Give the action date as YYYY-MM-DD."));
			return today;
		}
	}

	/** The print named, or the one of the chamber the status names, or the only one. */
	private static BillStore.PrintRow print(List<BillStore.PrintRow> prints, BillStatus status, String named,
			List<FieldError> errors) {
		if (named != null && !named.isBlank()) {
			Optional<BillStore.PrintRow> found = PrintNumber.parse(named)
				.flatMap(p -> prints.stream().filter(r -> r.basePrintNo().equals(p.base())).findFirst());
			if (found.isEmpty()) {
				errors.add(new FieldError("print", "Name one of this bill's prints: "
						+ prints.stream().map(BillStore.PrintRow::activePrintNo).toList() + "."));
			}
			return found.orElse(null);
		}
		Chamber chamber = status.chamber();
		if (chamber != null) {
			Optional<BillStore.PrintRow> found = prints.stream().filter(p -> p.chamber() == chamber).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
		}
		if (prints.size() == 1) {
			return prints.getFirst();
		}
		errors.add(new FieldError("print", status.name() + " does not name a chamber: say which print it concerns, one of "
				+ prints.stream().map(BillStore.PrintRow::activePrintNo).toList() + "."));
		return null;
	}

}
