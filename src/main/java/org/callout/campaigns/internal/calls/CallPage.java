package org.callout.campaigns.internal.calls;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One supporter's call page for one blast (or a test send), as the template shows it (public: the template's
 * expressions read it by reflection).
 *
 * @param blastId the blast, or null for a test send's page (which records nothing)
 * @param values the campaign email's own values ({@code ask}, {@code bill}, {@code repsUrl}...), so the page and
 *        the email agree
 * @param targets the people to call, in the email's order, each with the key its buttons post
 */
public record CallPage(Long blastId, long subscriberId, Map<String, Object> values, List<Target> targets) {

	public CallPage {
		targets = List.copyOf(targets);
	}

	public boolean test() {
		return blastId == null;
	}

	Optional<Target> target(String key) {
		return targets.stream().filter(target -> target.key().equals(key)).findFirst();
	}

	/**
	 * @param key the legislator's directory id, or {@code governor}
	 * @param addressed how the buttons name them ("Senator Pat Fahy"; in Spanish the name alone)
	 * @param person the email's values for this target: name, title, phones, office hours, script...
	 * @param answer what the supporter said before, or null
	 */
	public record Target(String key, String addressed, Map<String, Object> person, CallOutcome answer) {
	}

	/** The answer just given, shown at the top of the page (a test page's is shown and not recorded). */
	public record Answer(Target target, CallOutcome outcome, boolean test) {
	}

}
