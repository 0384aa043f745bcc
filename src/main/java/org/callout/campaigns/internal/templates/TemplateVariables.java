package org.callout.campaigns.internal.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every name a campaign template may use, and what it holds. Saving a template checks each tag against this
 * tree (so a typo is an error with its line, not an empty hole in thousands of emails), and the model a campaign
 * email renders from has exactly these keys, every one present ({@code false} for an absent object).
 */
public final class TemplateVariables {

	/** What a name holds. */
	public sealed interface Kind {
	}

	public record Text() implements Kind {
	}

	public record Flag() implements Kind {
	}

	/**
	 * A map. An optional one is {@code false} in the model where it is absent (a supporter whose senator is not
	 * known), so {@code {{#senator}}} skips it, and its fields may only be used inside such a section.
	 */
	public record Node(Map<String, Kind> fields, boolean optional) implements Kind {

		public Node(Map<String, Kind> fields) {
			this(fields, false);
		}

	}

	/** A list of maps. */
	public record Items(Map<String, Kind> fields) implements Kind {
	}

	public static final Text TEXT = new Text();

	public static final Flag FLAG = new Flag();

	/** Both must appear in both parts of every campaign template, outside any section (they are always shown). */
	public static final List<String> REQUIRED = List.of("unsubscribeUrl", "organization.postalAddress");

	private static final Map<String, Kind> PHONE = fields("number", TEXT, "tel", TEXT);

	private static final Map<String, Kind> LEGISLATOR = fields("name", TEXT, "title", TEXT, "party", TEXT, "district", TEXT,
			"chamber", TEXT, "sponsor", FLAG, "capitolPhone", new Node(PHONE, true), "districtPhones", new Items(PHONE), "email",
			TEXT, "officeHours", TEXT);

	private static final Map<String, Kind> TARGET = with(LEGISLATOR, "governor", FLAG, "urge", FLAG, "phone", new Node(PHONE, true),
			"script", TEXT);

	private static final Map<String, Kind> CANDIDATE = fields("name", TEXT, "title", TEXT, "district", TEXT, "party", TEXT,
			"phone", new Node(PHONE, true), "sponsor", FLAG);

	public static final Map<String, Kind> ROOT = fields(
			"firstName", TEXT,
			"language", TEXT,
			"test", FLAG,
			"organization", new Node(fields("name", TEXT, "postalAddress", TEXT)),
			"unsubscribeUrl", TEXT,
			"callPageUrl", TEXT,
			"repsUrl", TEXT,
			"bill", new Node(fields("prints", TEXT, "senatePrint", TEXT, "assemblyPrint", TEXT, "title", TEXT, "summary", TEXT,
					"url", TEXT, "oldStatus", TEXT, "newStatus", TEXT, "changed", FLAG, "actsNext", TEXT), true),
			"senator", new Node(LEGISLATOR, true),
			"assemblyMember", new Node(LEGISLATOR, true),
			"ask", new Node(fields("call", FLAG, "targets", new Items(TARGET), "findYours", FLAG, "ambiguous",
					new Items(fields("chamber", TEXT, "candidates", new Items(CANDIDATE))), "noCall", FLAG, "reason", TEXT,
					"outsideNy", FLAG)));

	private TemplateVariables() {
	}

	private static Map<String, Kind> fields(Object... pairs) {
		Map<String, Kind> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Kind) pairs[i + 1]);
		}
		return Map.copyOf(map);
	}

	private static Map<String, Kind> with(Map<String, Kind> base, Object... pairs) {
		Map<String, Kind> map = new LinkedHashMap<>(base);
		map.putAll(fields(pairs));
		return Map.copyOf(map);
	}

}
