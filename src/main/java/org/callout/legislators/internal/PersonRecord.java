package org.callout.legislators.internal;

import java.util.List;

import org.callout.legislators.Chamber;

/**
 * One person as an import file describes them, checked.
 *
 * @param where the file and line (or file) it came from, for reports
 * @param otherNames other spellings, or null when the format has none (so an import without them keeps
 *        what an earlier one stored)
 */
record PersonRecord(String where, String openstatesId, Chamber chamber, String district, String name, String party,
		String capitolPhone, List<String> districtPhones, String email, List<String> otherNames) {

	PersonRecord {
		districtPhones = districtPhones == null ? List.of() : List.copyOf(districtPhones);
		otherNames = otherNames == null ? null : List.copyOf(otherNames);
	}

}
