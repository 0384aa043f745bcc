package org.callout.legislators.internal;

import java.time.Clock;
import java.util.Optional;

import org.callout.legislators.Chamber;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.DistrictAnswer;
import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;
import org.callout.legislators.Representation;
import org.callout.platform.RequestRefusedException;

import org.springframework.stereotype.Service;

/** A lookup for one ZIP and address (the organizer API and the public page), with the two legislators. */
@Service
public class DistrictQueries {

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

	private final Clock clock;

	DistrictQueries(DistrictLookup lookup, Legislators legislators, Clock clock) {
		this.lookup = lookup;
		this.legislators = legislators;
		this.clock = clock;
	}

	Found find(LookupInput input) {
		DistrictLookup.Outcome outcome = lookup.find(input.zip(), input.street());
		DistrictAnswer answer = outcome.answer();
		return new Found(answer, holder(Chamber.UPPER, answer.senate()), holder(Chamber.LOWER, answer.assembly()), outcome.retry());
	}

	Optional<Legislator> holder(Chamber chamber, ChamberAnswer answer) {
		return legislators.current(chamber, answer.district());
	}

	/**
	 * Who represents whoever lives at this ZIP and address (subscriber 0: nobody stored), looked up now.
	 *
	 * @throws RequestRefusedException naming {@code zip} or {@code address} when they are not valid
	 */
	public Representation lookUp(String zip, String street) {
		LookupInput input = LookupInput.of(zip, street, true);
		if (!input.valid()) {
			throw RequestRefusedException.invalidFields("Invalid address",
					input.errors().stream().map(LookupInput.Problem::toFieldError).toList());
		}
		Found found = find(input);
		return new Representation(0, found.answer(), found.senator(), found.assemblyMember(), clock.instant());
	}

}
