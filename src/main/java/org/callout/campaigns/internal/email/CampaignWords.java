package org.callout.campaigns.internal.email;

import java.util.Locale;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.campaigns.internal.ask.Ask;
import org.callout.legislators.Chamber;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words campaign emails are filled with, per language, from the module's message bundle. */
@Component
class CampaignWords {

	private final MessageSource messages;

	CampaignWords(MessageSource messages) {
		this.messages = messages;
	}

	String friend(String language) {
		return get("campaigns.friend", language);
	}

	String title(Chamber chamber, String language) {
		return get("campaigns.title." + chamber.name(), language);
	}

	String governorTitle(String language) {
		return get("campaigns.title.GOVERNOR", language);
	}

	String chamber(Chamber chamber, String language) {
		return get("campaigns.chamber." + chamber.name(), language);
	}

	String governorChamber(String language) {
		return get("campaigns.chamber.GOVERNOR", language);
	}

	String status(BillStatus status, String language) {
		return get("campaigns.status." + (status == null ? "none" : status.name()), language);
	}

	String actsNext(ActsNext actsNext, String language) {
		return get("campaigns.actsNext." + actsNext.name(), language);
	}

	/** How the script names a legislator ("Senator Jane Doe"; in Spanish the name alone reads naturally). */
	String addressed(Chamber chamber, String name, String language) {
		return get("campaigns.addressed." + chamber.name(), language, name);
	}

	String addressedGovernor(String title, String name, String language) {
		return get("campaigns.addressed.GOVERNOR", language, title, name).strip();
	}

	/**
	 * A call script: a greeting with the supporter's name when known, then the thanks or the request.
	 *
	 * @param kind {@code thank}, {@code urge}, {@code governor} (sign it), {@code governor.support}, each governor
	 * kind with {@code .outside} for a caller who does not live in New York
	 * @param addressed the person called, as the script names them
	 * @param prints the bill's prints ("S.3076-A / A.2328-A"), or null without a bill
	 */
	String script(String firstName, String kind, String addressed, String prints, String language) {
		String greeting = firstName == null ? get("campaigns.script.anonymous", language)
				: get("campaigns.script.named", language, firstName);
		String body = prints == null
				? get("campaigns.script." + kind.replace(".support", "").replace("governor", "governor.nobill")
					.replace("thank", "thank.nobill").replace("urge", "urge.nobill"), language, addressed)
				: get("campaigns.script." + kind, language, addressed, prints);
		return greeting + " " + body;
	}

	String reason(Ask.NoCall why, boolean governorAsked, String language) {
		if (why == null) {
			return "";
		}
		return get("campaigns.reason." + why.name() + (why == Ask.NoCall.OUTSIDE_NY && governorAsked ? ".governor" : ""),
				language);
	}

	String vacant(String language) {
		return get("campaigns.vacant", language);
	}

	String outsideNyWithGovernor(String language) {
		return get("campaigns.reason.OUTSIDE_NY.governor", language);
	}

	private String get(String key, String language, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, Locale.forLanguageTag(language));
	}

}
