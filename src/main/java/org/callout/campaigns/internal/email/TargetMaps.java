package org.callout.campaigns.internal.email;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.callout.bills.ActsNext;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.campaigns.internal.ask.Ask;
import org.callout.campaigns.internal.ask.AskPlanner;
import org.callout.legislators.Chamber;
import org.callout.legislators.Legislator;
import org.callout.platform.CalloutProperties;

import org.springframework.stereotype.Component;

/** The people of a campaign email as template values: legislators, the governor's office, candidates. */
@Component
class TargetMaps {

	/**
	 * @param typedName the supporter's first name as typed and cleaned, or null
	 * @param prints the bill's prints as written, or null without a bill
	 */
	record Context(String typedName, String prints, TrackedBill bill, ActsNext where, String language, boolean outsideNy) {
	}

	private final CampaignWords words;

	private final CampaignsProperties properties;

	private final String defaultLanguage;

	TargetMaps(CampaignWords words, CampaignsProperties properties, CalloutProperties callout) {
		this.words = words;
		this.properties = properties;
		this.defaultLanguage = callout.defaultLanguage();
	}

	/**
	 * A legislator as template values, the same for every supporter of a blast who has them (it depends on the
	 * legislator, the bill and the language only): made once and shared, read-only, instead of for each email, where
	 * it was a sixth of the making. The bill is told apart by identity (a blast prepares its bill once), so a
	 * changed bill is never answered from an old entry.
	 */
	Map<String, Object> legislator(Legislator legislator, Context context) {
		Shared key = new Shared(legislator, context.bill(), context.language());
		Map<String, Object> map = shared.get(key);
		if (map == null) {
			if (shared.size() >= MAX_SHARED) {
				shared.clear();
			}
			map = Collections.unmodifiableMap(made(legislator, context));
			shared.put(key, map);
		}
		return map;
	}

	private static final int MAX_SHARED = 4096;

	private final Map<Shared, Map<String, Object>> shared = new ConcurrentHashMap<>();

	/** The bill by identity: its record equality would compare every print and sponsor at each lookup. */
	private record Shared(Legislator legislator, TrackedBill bill, String language) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Shared that && that.bill == bill && that.legislator.equals(legislator)
					&& Objects.equals(that.language, language);
		}

		@Override
		public int hashCode() {
			return (legislator.hashCode() * 31 + System.identityHashCode(bill)) * 31 + Objects.hashCode(language);
		}

	}

	private Map<String, Object> made(Legislator legislator, Context context) {
		String language = context.language();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", legislator.name());
		map.put("title", words.title(legislator.chamber(), language));
		map.put("party", text(legislator.party()));
		map.put("district", legislator.district());
		map.put("chamber", words.chamber(legislator.chamber(), language));
		map.put("sponsor", AskPlanner.sponsors(context.bill(), legislator));
		map.put("capitolPhone", phone(legislator.capitolPhone()));
		map.put("districtPhones", legislator.districtPhones().stream().filter(p -> !p.isBlank()).map(Phones::of).toList());
		map.put("email", text(legislator.email()));
		map.put("officeHours", perLanguage(properties.officeHours()
			.get(legislator.chamber() == Chamber.UPPER ? "senate" : "assembly"), language));
		return map;
	}

	Map<String, Object> target(Ask.Target target, Context context) {
		Map<String, Object> map = target.governor() ? governor(context) : new LinkedHashMap<>(legislator(target.legislator(), context));
		map.put("governor", target.governor());
		map.put("sponsor", target.sponsor());
		map.put("urge", !target.sponsor());
		Object phone = map.get("capitolPhone");
		if (Boolean.FALSE.equals(phone) && !((List<?>) map.get("districtPhones")).isEmpty()) {
			phone = ((List<?>) map.get("districtPhones")).getFirst();
		}
		map.put("phone", phone);
		String addressed = target.governor()
				? words.addressedGovernor((String) map.get("title"), (String) map.get("name"), context.language())
				: words.addressed(target.legislator().chamber(), target.legislator().name(), context.language());
		map.put("script", words.script(context.typedName(), scriptKind(target, context), addressed, context.prints(),
				context.language()));
		return map;
	}

	/**
	 * The governor is asked to sign only a bill on the governor's desk (otherwise to support it), and a caller from
	 * outside New York does not say they live there.
	 */
	private static String scriptKind(Ask.Target target, Context context) {
		if (!target.governor()) {
			return target.sponsor() ? "thank" : "urge";
		}
		boolean onDesk = context.bill() != null && context.where() == ActsNext.GOVERNOR;
		return (onDesk ? "governor" : "governor.support") + (context.outsideNy() ? ".outside" : "");
	}

	Map<String, Object> ambiguity(Ask.Ambiguity ambiguity, Context context) {
		String language = context.language();
		return Map.of("chamber", words.chamber(ambiguity.chamber(), language), "candidates",
				ambiguity.candidates().stream().map(candidate -> candidate(ambiguity.chamber(), candidate, language)).toList());
	}

	private Map<String, Object> candidate(Chamber chamber, Ask.Candidate candidate, String language) {
		Legislator holder = candidate.holder();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", holder == null ? words.vacant(language) : holder.name());
		map.put("title", words.title(chamber, language));
		map.put("district", candidate.district());
		map.put("party", holder == null ? "" : text(holder.party()));
		map.put("phone", holder == null ? false : phone(Optional.ofNullable(holder.capitolPhone())
			.orElse(holder.districtPhones().isEmpty() ? null : holder.districtPhones().getFirst())));
		map.put("sponsor", candidate.sponsor());
		return map;
	}

	private Map<String, Object> governor(Context context) {
		CampaignsProperties.Governor governor = properties.governor();
		String language = context.language();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", governor.name());
		String title = perLanguage(governor.title(), language);
		map.put("title", title.isEmpty() ? words.governorTitle(language) : title);
		map.put("party", "");
		map.put("district", "");
		map.put("chamber", words.governorChamber(language));
		map.put("sponsor", false);
		map.put("capitolPhone", phone(governor.phone()));
		map.put("districtPhones", List.of());
		map.put("email", "");
		map.put("officeHours", perLanguage(governor.officeHours(), language));
		return map;
	}

	private String perLanguage(Map<String, String> texts, String language) {
		if (texts == null) {
			return "";
		}
		return text(Optional.ofNullable(texts.get(language)).orElse(texts.get(defaultLanguage)));
	}

	private static Object phone(String number) {
		return number == null || number.isBlank() ? false : Phones.of(number);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
