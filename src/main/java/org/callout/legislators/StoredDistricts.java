package org.callout.legislators;

import java.time.Instant;

/**
 * A subscriber's districts as the {@code representations} table holds them, copied elsewhere by SQL (a blast's
 * snapshot keeps each recipient's districts as they were when it started). {@link Representatives#fromStored}
 * turns them back into a {@link Representation}.
 *
 * @param senateDistrict the Senate district, or null
 * @param assemblyDistrict the Assembly district, or null
 * @param senateCandidates the Senate candidates as stored ({@code district[:share],...}), or null
 * @param assemblyCandidates the Assembly candidates as stored, or null
 * @param source the answer's source code; null when the subscriber had no answer at all
 * @param confidence the overall confidence code
 * @param lookedUpAt when the answer was worked out, or null
 */
public record StoredDistricts(String senateDistrict, String assemblyDistrict, String senateCandidates,
		String assemblyCandidates, String source, String confidence, Instant lookedUpAt) {

	/** The copy was made of a subscriber who had no answer yet. */
	public boolean none() {
		return source == null;
	}

}
