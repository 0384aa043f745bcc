package org.callout.campaigns.internal.templates;

import java.time.Instant;
import java.util.List;

/**
 * A stored version, without its parts, as listings show it.
 *
 * @param name the template's name
 * @param version its number, from 1
 * @param origin {@code api} (an organizer saved it) or {@code file} (a pinned copy of the file default)
 * @param savedAt when it was stored
 * @param languages the languages it has
 * @param hidden an organizer version deleted since: still readable by number, never current again
 */
public record StoredVersion(String name, int version, String origin, Instant savedAt, List<String> languages,
		boolean hidden) {

	public StoredVersion {
		languages = List.copyOf(languages);
	}

}
