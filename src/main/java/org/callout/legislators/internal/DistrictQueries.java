package org.callout.legislators.internal;

import java.util.Optional;

import org.callout.legislators.Chamber;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.DistrictAnswer;
import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;

import org.springframework.stereotype.Service;

/** A lookup for one ZIP and address (the organizer API and the public page), with the two legislators. */
@Service
class DistrictQueries {

	/**
	 * An answer with the current holders of its districts, where the districts are known.
	 *
	 * @param geocoderFailed whether the geocoder failed (down, slow, over its rate) rather than finding no match
	 */
	record Found(DistrictAnswer answer, Optional<Legislator> senator, Optional<Legislator> assemblyMember,
			boolean geocoderFailed) {
	}

	private final DistrictLookup lookup;

	private final Legislators legislators;

	DistrictQueries(DistrictLookup lookup, Legislators legislators) {
		this.lookup = lookup;
		this.legislators = legislators;
	}

	Found find(LookupInput input) {
		DistrictLookup.Outcome outcome = lookup.find(input.zip(), input.street());
		DistrictAnswer answer = outcome.answer();
		return new Found(answer, holder(Chamber.UPPER, answer.senate()), holder(Chamber.LOWER, answer.assembly()), outcome.retry());
	}

	Optional<Legislator> holder(Chamber chamber, ChamberAnswer answer) {
		return legislators.current(chamber, answer.district());
	}

}
