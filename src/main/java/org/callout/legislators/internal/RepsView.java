package org.callout.legislators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.callout.legislators.Chamber;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictCandidate;
import org.callout.legislators.Legislator;

/** What the public page shows for one chamber: the person (when sure or best guess) and the alternatives. */
record RepsView(String titleKey, String districtKey, String confidence, Person person, Integer personShare,
		List<Person> candidates) {

	/** A legislator as the page shows them, with {@code tel:} links. */
	record Person(String district, String name, String party, Phone capitol, List<Phone> districtOffices, String email,
			Integer share) {
	}

	record Phone(String number, String href) {

		/** {@code tel:} with the digits only, so every phone app dials it. */
		static Phone of(String number) {
			String digits = number.replaceAll("[^0-9]", "");
			return new Phone(number, "tel:" + (digits.length() == 10 ? "+1" : "") + digits);
		}

	}

	static RepsView of(Chamber chamber, ChamberAnswer answer, DistrictQueries queries) {
		String title = chamber == Chamber.UPPER ? "reps.senate" : "reps.assembly";
		String districtKey = chamber == Chamber.UPPER ? "reps.district.senate" : "reps.district.assembly";
		Person person = answer.district() == null ? null : person(answer.district(), null, queries.holder(chamber, answer));
		List<Person> others = new ArrayList<>();
		Integer personShare = null;
		if (answer.confidence() == Confidence.AMBIGUOUS) {
			for (DistrictCandidate candidate : answer.candidates()) {
				Integer share = candidate.landShare() == null ? null : (int) Math.round(candidate.landShare() * 100);
				if (candidate.district().equals(answer.district())) {
					personShare = share;
					continue;
				}
				ChamberAnswer one = ChamberAnswer.exact(candidate.district());
				others.add(person(candidate.district(), share, queries.holder(chamber, one)));
			}
		}
		return new RepsView(title, districtKey, answer.confidence().code(), person, personShare, others);
	}

	private static Person person(String district, Integer share, Optional<Legislator> holder) {
		return holder.map(l -> new Person(district, l.name(), l.party(), l.capitolPhone() == null ? null : Phone.of(l.capitolPhone()),
				l.districtPhones().stream().map(Phone::of).toList(), l.email(), share))
			.orElse(new Person(district, null, null, null, List.of(), null, share));
	}

}
