package org.callout.bills.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.callout.bills.BillStatus;
import org.callout.bills.TrackedBill;
import org.callout.bills.internal.openleg.OpenLegBill;
import org.callout.bills.internal.openleg.OpenLegException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one bill as Open Legislation describes it to the tracked print: its status (through the
 * {@link StatusRecorder}, so a repeat announces nothing), its active version, title, sponsors, and its same-as
 * print when the tracked bill lacks one. The first status of a print Callout knew nothing about is recorded,
 * not announced: it is where the bill stood, not news.
 */
@Component
class OpenLegSync {

	private final BillStore bills;

	private final SponsorStore sponsors;

	private final StatusRecorder recorder;

	private final SponsorMatcher matcher;

	OpenLegSync(BillStore bills, SponsorStore sponsors, StatusRecorder recorder, SponsorMatcher matcher) {
		this.bills = bills;
		this.sponsors = sponsors;
		this.recorder = recorder;
		this.matcher = matcher;
	}

	@Transactional
	StatusRecorder.Result apply(BillStore.PrintRow print, OpenLegBill bill, String sourceRef) {
		BillStatus status = Arrays.stream(BillStatus.values())
			.filter(s -> s.name().equals(bill.status()))
			.findFirst()
			.orElseThrow(() -> new OpenLegException(OpenLegException.Kind.MALFORMED,
					"Open Legislation sent an unknown status type '" + bill.status() + "'", null));
		String active = PrintNumber.parse(bill.activePrintNo()).map(PrintNumber::active).orElse(print.activePrintNo());
		StatusRecorder.Outcome outcome = recorder.record(new StatusReport(print.id(), active, status, bill.actionDate(),
				bill.committee(), "openleg", sourceRef, print.status() == null, null));
		BillStore.BillRow row = bills.bill(print.billId()).orElseThrow();
		if (row.title() == null && bill.title() != null) {
			bills.updateBill(row.id(), bill.title().strip(), row.summaries(), row.publicUrl());
		}
		List<TrackedBill.Sponsor> known = sponsors.ofPrint(print.id());
		sponsors.replace(print.id(), bill.sponsors()
			.stream()
			.map(m -> new TrackedBill.Sponsor(m.role(), matched(m, known, print), m.memberId(), m.fullName()))
			.toList());
		addSameAs(print, bill.sameAs());
		return outcome.result();
	}

	private Long matched(OpenLegBill.Member member, List<TrackedBill.Sponsor> known, BillStore.PrintRow print) {
		Long before = legislatorOf(member, known);
		return before != null ? before : matcher.match(member, print.chamber(), print.session());
	}

	/** The directory id this member was given before (matched, or set by an organizer), kept across polls. */
	private static Long legislatorOf(OpenLegBill.Member member, List<TrackedBill.Sponsor> known) {
		return known.stream()
			.filter(k -> k.legislatorId() != null)
			.filter(k -> (member.memberId() != null && member.memberId().equals(k.openlegMemberId()))
					|| (member.fullName() != null && member.fullName().equalsIgnoreCase(k.name())))
			.map(TrackedBill.Sponsor::legislatorId)
			.findFirst()
			.orElse(null);
	}

	private void addSameAs(BillStore.PrintRow print, List<String> sameAs) {
		List<BillStore.PrintRow> prints = bills.prints(print.billId());
		for (String other : sameAs) {
			Optional<PrintNumber> number = PrintNumber.parse(other);
			if (number.isPresent() && number.get().chamber() != print.chamber()
					&& prints.stream().noneMatch(p -> p.chamber() == number.get().chamber())) {
				bills.insertPrint(print.billId(), print.session(), number.get());
			}
		}
	}

}
