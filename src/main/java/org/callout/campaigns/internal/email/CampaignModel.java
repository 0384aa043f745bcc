package org.callout.campaigns.internal.email;

import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.campaigns.internal.ask.Ask;
import org.callout.campaigns.internal.ask.AskMode;
import org.callout.campaigns.internal.ask.AskPlanner;
import org.callout.legislators.Representation;
import org.callout.platform.CalloutProperties;
import org.callout.platform.TypedText;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The values one supporter's campaign email renders from: plain maps, lists, strings and booleans only, with
 * every name of {@link org.callout.campaigns.internal.templates.TemplateVariables} present. What a supporter
 * typed (their name) is a value here and nothing more: it is never read as template.
 */
@Component
public class CampaignModel {

	/**
	 * @param firstName as typed, or null
	 * @param zip as typed, or null
	 * @param language the language the email is in
	 */
	public record Supporter(String firstName, String zip, String language) {
	}

	/**
	 * @param bill the bill, or null for an email about no bill
	 * @param from the status before the change, or null (a preview, a first sighting)
	 * @param to the status now, or null: the bill's latest
	 * @param ask whom to ask
	 * @param actsNext who must act, as the blast recorded it; null: the bill's own, now (a preview of a template)
	 */
	public record About(TrackedBill bill, BillStatus from, BillStatus to, AskMode ask, ActsNext actsNext) {

		public About(TrackedBill bill, BillStatus from, BillStatus to, AskMode ask) {
			this(bill, from, to, ask, null);
		}

		/** Who must act: what the blast recorded, else where the bill sits now. */
		public ActsNext where() {
			return actsNext != null ? actsNext : bill == null ? null : bill.actsNext();
		}

	}

	/** @param test a test send: the links say so and record nothing */
	public record Links(String unsubscribeUrl, String callPageUrl, boolean test) {
	}

	private final AskPlanner planner;

	private final CampaignWords words;

	private final TargetMaps targets;

	private final CalloutProperties callout;

	CampaignModel(AskPlanner planner, CampaignWords words, TargetMaps targets, CalloutProperties callout) {
		this.planner = planner;
		this.words = words;
		this.targets = targets;
		this.callout = callout;
	}

	public Map<String, Object> build(Supporter supporter, Optional<Representation> representation, About about, Links links) {
		String language = supporter.language();
		String typedName = TypedText.clean(supporter.firstName());
		// A "name" with no letter in it (spaces of other kinds, a dot) would greet nobody: use the fallback.
		if (typedName != null && !typedName.codePoints().anyMatch(Character::isLetter)) {
			typedName = null;
		}
		TrackedBill bill = about.bill();
		String prints = bill == null ? null : Prints.both(bill);
		Ask ask = planner.plan(about.ask(), bill, about.where(), representation);
		TargetMaps.Context context = new TargetMaps.Context(typedName, prints, bill, about.where(), language,
				ask.outsideNy());

		Map<String, Object> model = new LinkedHashMap<>();
		model.put("firstName", typedName == null ? words.friend(language) : typedName);
		model.put("language", language);
		model.put("test", links.test());
		model.put("organization", Map.of("name", text(callout.organization().name()), "postalAddress",
				text(callout.organization().postalAddress())));
		model.put("unsubscribeUrl", links.unsubscribeUrl());
		model.put("callPageUrl", links.callPageUrl());
		model.put("repsUrl", repsUrl(supporter, language));
		model.put("bill", bill == null ? false : bill(bill, about, language));
		model.put("senator", representation.flatMap(Representation::senator)
			.<Object>map(l -> targets.legislator(l, context)).orElse(false));
		model.put("assemblyMember", representation.flatMap(Representation::assemblyMember)
			.<Object>map(l -> targets.legislator(l, context)).orElse(false));
		model.put("ask", ask(ask, context));
		return model;
	}

	private Map<String, Object> ask(Ask ask, TargetMaps.Context context) {
		List<Map<String, Object>> people = ask.targets().stream().map(target -> targets.target(target, context)).toList();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("call", !people.isEmpty());
		map.put("targets", people);
		map.put("findYours", ask.findYours());
		map.put("ambiguous", ask.ambiguous().stream().map(ambiguity -> targets.ambiguity(ambiguity, context)).toList());
		map.put("noCall", people.isEmpty() && !ask.findYours());
		map.put("reason", ask.noCall() != null ? words.reason(ask.noCall(), false, context.language())
				: ask.outsideNy() ? words.outsideNyWithGovernor(context.language()) : "");
		map.put("outsideNy", ask.outsideNy());
		return map;
	}

	private Map<String, Object> bill(TrackedBill bill, About about, String language) {
		BillStatus now = about.to() != null ? about.to() : latest(bill);
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("prints", Prints.both(bill));
		map.put("senatePrint", Prints.in(bill, org.callout.bills.Chamber.SENATE));
		map.put("assemblyPrint", Prints.in(bill, org.callout.bills.Chamber.ASSEMBLY));
		map.put("title", text(bill.title()));
		map.put("summary", text(Optional.ofNullable(bill.summaries().get(language))
			.orElse(bill.summaries().get(callout.defaultLanguage()))));
		map.put("url", bill.publicUrl() == null ? "" : bill.publicUrl().toString());
		map.put("oldStatus", about.from() == null ? "" : words.status(about.from(), language));
		map.put("newStatus", words.status(now, language));
		map.put("changed", about.from() != null && about.from() != now);
		map.put("actsNext", words.actsNext(about.where(), language));
		return map;
	}

	/** The status of the print that moved last: what a preview shows as the bill's status. */
	private static BillStatus latest(TrackedBill bill) {
		return bill.prints().stream()
			.filter(print -> print.status() != null)
			.max(java.util.Comparator.comparing(TrackedBill.Print::statusDate,
					java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
			.map(TrackedBill.Print::status)
			.orElse(null);
	}

	private String repsUrl(Supporter supporter, String language) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUri(callout.publicBaseUrl()).path("/reps");
		String zip = supporter.zip() == null ? null : supporter.zip().strip();
		if (zip != null && ZIP.matcher(zip).matches()) {
			url.queryParam("zip", zip.substring(0, 5));
		}
		return url.queryParam("lang", language).build().toUriString();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

}
