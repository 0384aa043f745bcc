package org.callout.legislators.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.legislators.Chamber;
import org.callout.platform.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Districts an organizer sets by hand, for the API and the console alike: the same checks, the same change, the same
 * audit entry.
 */
@Service
public class HandSetDistricts {

	private final OrganizerDistricts organizer;

	private final AuditLog audit;

	HandSetDistricts(OrganizerDistricts organizer, AuditLog audit) {
		this.organizer = organizer;
		this.audit = audit;
	}

	/** One thing wrong: the field and a code ({@code invalid}, or {@code none} when neither district is given). */
	public record Problem(String field, String code) {
	}

	/** What happened: the problems (nothing changed), or whether the subscriber existed. */
	public record Outcome(List<Problem> problems, boolean found) {
	}

	/**
	 * Organizer-set districts win over every lookup until cleared.
	 *
	 * @param senateRaw a Senate district as typed, or null for none
	 * @param assemblyRaw an Assembly district as typed, or null for none
	 */
	@Transactional
	public Outcome set(long subscriberId, String senateRaw, String assemblyRaw) {
		String senate = district(Chamber.UPPER, senateRaw);
		String assembly = district(Chamber.LOWER, assemblyRaw);
		List<Problem> problems = new ArrayList<>();
		if (senateRaw != null && senate == null) {
			problems.add(new Problem("senateDistrict", "invalid"));
		}
		if (assemblyRaw != null && assembly == null) {
			problems.add(new Problem("assemblyDistrict", "invalid"));
		}
		if (problems.isEmpty() && senate == null && assembly == null) {
			problems.add(new Problem("senateDistrict", "none"));
		}
		if (!problems.isEmpty()) {
			return new Outcome(List.copyOf(problems), true);
		}
		if (!organizer.set(subscriberId, senate, assembly)) {
			return new Outcome(List.of(), false);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("senateDistrict", senate);
		after.put("assemblyDistrict", assembly);
		audit.record("districts.set", "subscriber:" + subscriberId, after);
		return new Outcome(List.of(), true);
	}

	/** Back to the lookup's answer. @return false when there is no such subscriber */
	@Transactional
	public boolean clear(long subscriberId) {
		if (!organizer.clear(subscriberId)) {
			return false;
		}
		audit.record("districts.clear", "subscriber:" + subscriberId, null);
		return true;
	}

	private static String district(Chamber chamber, String raw) {
		return raw == null ? null : RecordChecks.district(chamber, raw).orElse(null);
	}

}
