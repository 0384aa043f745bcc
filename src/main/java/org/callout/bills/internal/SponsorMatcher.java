package org.callout.bills.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.callout.bills.Chamber;
import org.callout.bills.internal.openleg.OpenLegBill;
import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Finds an Open Legislation sponsor in the legislators directory by name: the full name against the
 * directory's name and other names, then the short (family) name within the chamber. Districts only settle a tie
 * for the current session: the 2022 redistricting gave many 2021 district numbers to someone else. A sponsor
 * found nowhere, or not told apart, stays unmatched with its member id, and is reported once.
 */
@Component
class SponsorMatcher {

	private static final Logger log = LoggerFactory.getLogger(SponsorMatcher.class);

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");

	private final Legislators legislators;

	private final Clock clock;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	SponsorMatcher(Legislators legislators, Clock clock) {
		this.legislators = legislators;
		this.clock = clock;
	}

	/** The directory id of this sponsor of a print of {@code chamber} in {@code session}, or null. */
	Long match(OpenLegBill.Member member, Chamber chamber, int session) {
		List<Legislator> everyone = legislators.search(null, null, null, false);
		// Named in full: the directory's Chamber (upper, lower) and the bills module's share their simple name.
		org.callout.legislators.Chamber house = chamber == Chamber.SENATE ? org.callout.legislators.Chamber.UPPER
				: org.callout.legislators.Chamber.LOWER;
		String full = normalize(member.fullName());
		List<Legislator> found = full.isEmpty() ? List.of()
				: everyone.stream().filter(l -> normalize(l.name()).equals(full) || l.otherNames().stream().map(SponsorMatcher::normalize)
					.anyMatch(full::equals)).toList();
		if (found.isEmpty()) {
			String family = normalize(member.shortName());
			found = family.isEmpty() ? List.of()
					: everyone.stream().filter(l -> l.chamber() == house && familyName(l.name()).equals(family)).toList();
		}
		found = narrow(found, l -> l.chamber() == house);
		if (found.size() > 1 && session == currentSession() && member.districtCode() != null) {
			found = narrow(found, l -> l.current() && String.valueOf(member.districtCode()).equals(l.district()));
		}
		if (found.size() == 1) {
			return found.getFirst().id();
		}
		if (reported.add(member.memberId() + "/" + member.fullName())) {
			log.warn("Bill sponsor '{}' (Open Legislation member {}) {} in the legislators directory; kept unmatched",
					member.fullName(), member.memberId(), found.isEmpty() ? "is not" : "matches " + found.size() + " people");
		}
		return null;
	}

	/** Keeps only those that pass, unless none would be left. */
	private static List<Legislator> narrow(List<Legislator> candidates, Predicate<Legislator> test) {
		List<Legislator> narrowed = candidates.stream().filter(test).toList();
		return narrowed.isEmpty() ? candidates : narrowed;
	}

	private int currentSession() {
		int year = Year.now(clock).getValue();
		return year % 2 == 1 ? year : year - 1;
	}

	private static String familyName(String name) {
		String normalized = normalize(name);
		return normalized.substring(normalized.lastIndexOf(' ') + 1);
	}

	/** Lower case, no accents or punctuation: "José M. Rivera" and "JOSE M RIVERA" compare equal. */
	static String normalize(String name) {
		if (name == null) {
			return "";
		}
		String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		return NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

}
