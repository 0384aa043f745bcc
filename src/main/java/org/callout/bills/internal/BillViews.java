package org.callout.bills.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;
import org.callout.bills.TrackedBill;

import org.springframework.stereotype.Component;

/** Assembles a {@link TrackedBill} from its rows: prints, sponsors and where it sits. */
@Component
public class BillViews {

	private final BillStore bills;

	private final SponsorStore sponsors;

	BillViews(BillStore bills, SponsorStore sponsors) {
		this.bills = bills;
		this.sponsors = sponsors;
	}

	public Optional<TrackedBill> find(long id) {
		return bills.bill(id).map(this::view);
	}

	public List<TrackedBill> all() {
		return bills.bills().stream().map(this::view).toList();
	}

	public static ActsNext actsNext(Map<Chamber, BillStatus> statuses) {
		return WhereItSits.of(statuses);
	}

	private TrackedBill view(BillStore.BillRow bill) {
		List<TrackedBill.Print> prints = bills.prints(bill.id())
			.stream()
			.map(p -> new TrackedBill.Print(p.id(), p.chamber(), p.basePrintNo(), p.activePrintNo(), p.status(), p.statusDate(),
					p.committee(), sponsors.ofPrint(p.id())))
			.toList();
		Map<Chamber, BillStatus> statuses = new EnumMap<>(Chamber.class);
		prints.forEach(p -> statuses.put(p.chamber(), p.status()));
		return new TrackedBill(bill.id(), bill.session(), bill.title(), bill.summaries(), bill.publicUrl(), prints,
				WhereItSits.of(statuses));
	}

}
