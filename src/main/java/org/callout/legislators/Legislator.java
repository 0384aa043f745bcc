package org.callout.legislators;

import java.time.Instant;
import java.util.List;

/**
 * A member of the legislature, current or past.
 *
 * @param id our id
 * @param openstatesId the OpenStates person id ({@code ocd-person/...}), unique
 * @param jurisdiction {@code ny}
 * @param chamber Senate or Assembly
 * @param district the district number as written ({@code "18"})
 * @param name the name as published
 * @param party as given, fusion tickets included ({@code Democratic/Working Families})
 * @param capitolPhone the Albany office phone, or null
 * @param districtPhones every district office phone, possibly none
 * @param email the official address, or null
 * @param otherNames other spellings (for matching bill sponsors)
 * @param current whether they hold the seat now
 * @param source the path or URL the record was imported from
 * @param sourceVersion the data's own date or commit, where known
 * @param importedAt when the record was last added or changed by an import
 */
public record Legislator(long id, String openstatesId, String jurisdiction, Chamber chamber, String district, String name,
		String party, String capitolPhone, List<String> districtPhones, String email, List<String> otherNames,
		boolean current, String source, String sourceVersion, Instant importedAt) {
}
