package org.callout.campaigns.internal.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.legislators.Chamber;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictCandidate;
import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;
import org.callout.legislators.Representation;

import org.springframework.stereotype.Component;

/**
 * Works out the ask: by default the supporter's legislator in the chamber where the bill sits (both while
 * neither house has passed it), the governor's office when it is on the governor's desk, nobody when it is
 * over. Sponsors are thanked, the rest urged.
 */
@Component
public class AskPlanner {

	private final Legislators legislators;

	private final CampaignsProperties.Governor governor;

	AskPlanner(Legislators legislators, CampaignsProperties properties) {
		this.legislators = legislators;
		this.governor = properties.governor();
	}

	/**
	 * @param bill the bill the email is about, or null
	 * @param representation who represents the supporter, empty when not looked up (or not known)
	 */
	public Ask plan(AskMode mode, TrackedBill bill, Optional<Representation> representation) {
		return plan(mode, bill, bill == null ? null : bill.actsNext(), representation);
	}

	/**
	 * @param where who must act, as a blast recorded it when it was made: its email, preview and call page keep
	 * asking the same people after the bill moves on
	 */
	public Ask plan(AskMode mode, TrackedBill bill, ActsNext where, Optional<Representation> representation) {
		return switch (mode) {
			case NONE -> Ask.none(Ask.NoCall.NOT_ASKED, outsideNy(representation));
			case GOVERNOR -> governor(Ask.NoCall.NO_GOVERNOR, representation);
			case BOTH -> chambers(List.of(Chamber.UPPER, Chamber.LOWER), bill, representation);
			case SENATE -> chambers(List.of(Chamber.UPPER), bill, representation);
			case ASSEMBLY -> chambers(List.of(Chamber.LOWER), bill, representation);
			case AUTO -> bill == null || where == null ? Ask.none(Ask.NoCall.NO_BILL, outsideNy(representation)) : switch (where) {
				case SENATE -> chambers(List.of(Chamber.UPPER), bill, representation);
				case ASSEMBLY -> chambers(List.of(Chamber.LOWER), bill, representation);
				case BOTH_CHAMBERS -> chambers(List.of(Chamber.UPPER, Chamber.LOWER), bill, representation);
				case GOVERNOR -> governor(Ask.NoCall.NO_GOVERNOR, representation);
				case NOBODY -> Ask.none(whyOver(bill), outsideNy(representation));
			};
		};
	}

	private Ask governor(Ask.NoCall otherwise, Optional<Representation> representation) {
		boolean outside = outsideNy(representation);
		return governor.configured() ? new Ask(List.of(new Ask.Target(null, false)), List.of(), false, null, outside)
				: Ask.none(otherwise, outside);
	}

	private Ask chambers(List<Chamber> chambers, TrackedBill bill, Optional<Representation> representation) {
		if (outsideNy(representation)) {
			return governor(Ask.NoCall.OUTSIDE_NY, representation);
		}
		Set<Long> sponsors = sponsors(bill);
		List<Ask.Target> targets = new ArrayList<>();
		List<Ask.Ambiguity> ambiguous = new ArrayList<>();
		boolean findYours = false;
		for (Chamber chamber : chambers) {
			Optional<Legislator> holder = representation.flatMap(r -> chamber == Chamber.UPPER ? r.senator() : r.assemblyMember());
			Optional<ChamberAnswer> answer = representation.map(r -> r.answer().in(chamber));
			Confidence confidence = answer.map(ChamberAnswer::confidence).orElse(Confidence.UNKNOWN);
			if (confidence == Confidence.EXACT && holder.isPresent()) {
				targets.add(new Ask.Target(holder.get(), sponsors.contains(holder.get().id())));
			}
			else {
				// Unknown, vacant, or depending on the street: the link lets the supporter find out for sure.
				findYours = true;
				if (confidence == Confidence.AMBIGUOUS) {
					ambiguous.add(new Ask.Ambiguity(chamber, answer.get().candidates().stream()
						.map(DistrictCandidate::district)
						.map(district -> candidate(chamber, district, sponsors))
						.toList()));
				}
			}
		}
		return new Ask(targets, ambiguous, findYours, null, false);
	}

	private Ask.Candidate candidate(Chamber chamber, String district, Set<Long> sponsors) {
		Legislator holder = legislators.current(chamber, district).orElse(null);
		return new Ask.Candidate(district, holder, holder != null && sponsors.contains(holder.id()));
	}

	private static Set<Long> sponsors(TrackedBill bill) {
		return bill == null ? Set.of() : bill.prints().stream()
			.flatMap(print -> print.sponsors().stream())
			.map(TrackedBill.Sponsor::legislatorId)
			.filter(id -> id != null)
			.collect(Collectors.toSet());
	}

	/** Whether this legislator sponsors or co-sponsors any print of the bill. */
	public static boolean sponsors(TrackedBill bill, Legislator legislator) {
		return legislator != null && sponsors(bill).contains(legislator.id());
	}

	private static boolean outsideNy(Optional<Representation> representation) {
		return representation.map(r -> r.confidence() == Confidence.OUTSIDE_NY).orElse(false);
	}

	private static Ask.NoCall whyOver(TrackedBill bill) {
		Set<BillStatus> statuses = bill.prints().stream().map(TrackedBill.Print::status).filter(s -> s != null)
			.collect(Collectors.toSet());
		if (statuses.contains(BillStatus.SIGNED_BY_GOV) || statuses.contains(BillStatus.POCKET_APPROVAL)) {
			return Ask.NoCall.LAW;
		}
		if (statuses.contains(BillStatus.VETOED)) {
			return Ask.NoCall.VETOED;
		}
		return statuses.contains(BillStatus.SESSION_ENDED) ? Ask.NoCall.SESSION_ENDED : Ask.NoCall.OVER;
	}

}
