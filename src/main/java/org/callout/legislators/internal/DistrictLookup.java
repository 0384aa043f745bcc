package org.callout.legislators.internal;

import java.util.ArrayList;
import java.util.List;

import org.callout.legislators.DistrictAnswer;

import org.springframework.stereotype.Component;

/**
 * Tries each {@link DistrictFinder} in order (the geocoder when enabled and a street is given, then the ZIP
 * table, which always answers) and keeps the notes of those that did not answer.
 */
@Component
class DistrictLookup {

	/** The answer, and whether an earlier finder failed in a way worth retrying. */
	record Outcome(DistrictAnswer answer, boolean retry) {
	}

	private final List<DistrictFinder> finders;

	DistrictLookup(List<DistrictFinder> finders) {
		this.finders = List.copyOf(finders);
	}

	Outcome find(String zip, String street) {
		List<String> notes = new ArrayList<>();
		boolean retry = false;
		for (DistrictFinder finder : finders) {
			DistrictFinder.Result result = finder.find(zip, street);
			if (result.note() != null) {
				notes.add(result.note());
			}
			retry |= result.retry();
			if (result.answer() != null) {
				return new Outcome(result.answer().withNote(notes.isEmpty() ? null : String.join("; ", notes)), retry);
			}
		}
		throw new IllegalStateException("The ZIP table always answers: no finder answered for " + zip);
	}

}
