package org.callout.legislators.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.callout.legislators.Chamber;

/**
 * A search of the directory as typed, checked: the API and the console page refuse the same values.
 *
 * @param chamber the house, or null for both
 * @param district the district number, or null for any
 * @param text part of a name, or null for any
 * @param problems the fields that are wrong ({@code chamber}, {@code district}, {@code q}), in that order
 */
public record DirectorySearch(Chamber chamber, String district, String text, Set<String> problems) {

	public static final int MAX_TEXT = 100;

	public static DirectorySearch of(String chamber, String district, String q) {
		Set<String> problems = new LinkedHashSet<>();
		Chamber house = null;
		if (chamber != null && !chamber.isBlank()) {
			house = Chamber.parse(chamber).orElse(null);
			if (house == null) {
				problems.add("chamber");
			}
		}
		String seat = null;
		if (district != null && !district.isBlank()) {
			seat = RecordChecks.district(house == null ? Chamber.LOWER : house, district).orElse(null);
			if (seat == null) {
				problems.add("district");
			}
		}
		String text = q == null || q.isBlank() ? null : q.strip();
		if (text != null && text.length() > MAX_TEXT) {
			problems.add("q");
		}
		return new DirectorySearch(house, seat, text, Set.copyOf(problems));
	}

}
