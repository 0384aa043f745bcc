package org.callout.bills.internal;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.Chamber;
import org.callout.bills.TrackedBill;
import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Registers tracked bills and edits their words and sponsors. Nothing is stored unless every field is right. */
@Component
class BillRegistry {

	static final int FIRST_SESSION = 2009;

	private final BillStore bills;

	private final SponsorStore sponsors;

	private final BillViews views;

	private final Legislators legislators;

	private final Clock clock;

	BillRegistry(BillStore bills, SponsorStore sponsors, BillViews views, Legislators legislators, Clock clock) {
		this.bills = bills;
		this.sponsors = sponsors;
		this.views = views;
		this.legislators = legislators;
		this.clock = clock;
	}

	record Registration(Integer session, String printNo, String sameAs, String title, Map<String, String> summary,
			String publicUrl) {
	}

	record SponsorsOfPrint(String print, Long sponsor, List<Long> coSponsors) {
	}

	@Transactional
	TrackedBill register(Registration request) {
		List<FieldError> errors = new ArrayList<>();
		Integer session = session(request.session(), errors);
		PrintNumber print = PrintNumber.parse(request.printNo()).orElse(null);
		if (print == null) {
			errors.add(new FieldError("printNo", "Give a print number such as S3076 or A2328A."));
		}
		PrintNumber sameAs = null;
		if (request.sameAs() != null && !request.sameAs().isBlank()) {
			sameAs = PrintNumber.parse(request.sameAs()).orElse(null);
			if (sameAs == null) {
				errors.add(new FieldError("sameAs", "Give the same-as print number such as A2328A, or leave it out."));
			}
			else if (print != null && sameAs.chamber() == print.chamber()) {
				errors.add(new FieldError("sameAs", "A same-as bill is the other chamber's print: "
						+ print.active() + " and " + sameAs.active() + " are both " + print.chamber().name().toLowerCase() + " prints."));
			}
		}
		BillWords words = BillWords.check(request.title(), request.summary(), request.publicUrl(), errors);
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid bill", errors);
		}
		long id = bills.insertBill(session, words.title(), words.summaries(), words.url(), clock.instant());
		for (PrintNumber p : sameAs == null ? List.of(print) : List.of(print, sameAs)) {
			if (!bills.insertPrint(id, session, p)) {
				// Thrown inside the transaction: the bill row just inserted is rolled back with it.
				String field = p == print ? "printNo" : "sameAs";
				String detail = p.base() + " of the " + session + " session is tracked already.";
				throw RequestRefusedException.of(HttpStatus.CONFLICT, "Bill tracked already", detail)
					.with("errors", List.of(new FieldError(field, detail)));
			}
		}
		return views.find(id).orElseThrow();
	}

	@Transactional
	TrackedBill update(long id, Registration words, List<SponsorsOfPrint> sponsorLists) {
		BillStore.BillRow bill = bills.bill(id).orElseThrow(() -> notFound(id));
		bills.lockBill(id); // Sponsors are replaced whole: not at the same moment as a poll replaces them.
		List<FieldError> errors = new ArrayList<>();
		BillWords checked = BillWords.check(words.title() == null ? bill.title() : words.title(),
				words.summary() == null ? bill.summaries() : words.summary(),
				words.publicUrl() == null ? (bill.publicUrl() == null ? null : bill.publicUrl().toString()) : words.publicUrl(), errors);
		List<BillStore.PrintRow> prints = bills.prints(id);
		List<Runnable> sponsorChanges = new ArrayList<>();
		for (SponsorsOfPrint list : sponsorLists == null ? List.<SponsorsOfPrint>of() : sponsorLists) {
			PrintNumber named = PrintNumber.parse(list.print()).orElse(null);
			BillStore.PrintRow print = named == null ? null
					: prints.stream().filter(p -> p.basePrintNo().equals(named.base())).findFirst().orElse(null);
			if (print == null) {
				errors.add(new FieldError("sponsors.print", "Name one of this bill's prints: "
						+ prints.stream().map(BillStore.PrintRow::activePrintNo).toList() + "."));
				continue;
			}
			List<TrackedBill.Sponsor> sponsors = new ArrayList<>();
			if (list.sponsor() != null) {
				sponsors.add(sponsor("SPONSOR", list.sponsor(), print.chamber(), errors));
			}
			(list.coSponsors() == null ? List.<Long>of() : list.coSponsors())
				.forEach(c -> sponsors.add(sponsor("COSPONSOR", c, print.chamber(), errors)));
			sponsorChanges.add(() -> this.sponsors.replace(print.id(), sponsors));
		}
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid bill", errors);
		}
		bills.updateBill(id, checked.title(), checked.summaries(), checked.url());
		sponsorChanges.forEach(Runnable::run);
		return views.find(id).orElseThrow();
	}

	private TrackedBill.Sponsor sponsor(String role, Long legislatorId, Chamber chamber, List<FieldError> errors) {
		Optional<Legislator> legislator = legislatorId == null ? Optional.empty() : legislators.byId(legislatorId);
		if (legislator.isEmpty()) {
			errors.add(new FieldError("sponsors", "Sponsors are legislator ids from GET /api/v1/legislators; "
					+ legislatorId + " is none."));
		}
		else if ((legislator.get().chamber() == org.callout.legislators.Chamber.UPPER) != (chamber == Chamber.SENATE)) {
			// Named in full: the directory's Chamber and the bills module's share their simple name.
			errors.add(new FieldError("sponsors", legislator.get().name() + " (id " + legislatorId + ") sits in the other "
					+ "chamber: a " + chamber.name().toLowerCase() + " print's sponsors are members of the " + chamber.name().toLowerCase() + "."));
		}
		return new TrackedBill.Sponsor(role, legislatorId, null, legislator.map(Legislator::name).orElse(null));
	}

	private Integer session(Integer session, List<FieldError> errors) {
		int latest = Year.now(clock).getValue() + 1;
		if (session == null || session % 2 == 0 || session < FIRST_SESSION || session > latest) {
			errors.add(new FieldError("session", "Give the session year as Open Legislation does: the odd year of the "
					+ "two-year session (2021 for 2021-2022), from " + FIRST_SESSION + " to " + latest + "."));
		}
		return session;
	}

	static RequestRefusedException notFound(long id) {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such bill", "No tracked bill has the id " + id + ".");
	}

}
