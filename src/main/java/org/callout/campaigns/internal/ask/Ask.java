package org.callout.campaigns.internal.ask;

import java.util.List;

import org.callout.legislators.Chamber;
import org.callout.legislators.Legislator;

/**
 * Whom one supporter is asked to call, and why not when nobody. Never a guess presented as certain: a chamber
 * whose district depends on the street gives its candidates, and an unknown one the "find yours" link.
 *
 * @param targets the people to call, by name
 * @param ambiguous chambers where the supporter's district depends on their street
 * @param findYours some of the people to call could not be named: the email links to {@code /reps}
 * @param noCall why nobody is asked, or null when somebody is
 * @param outsideNy the supporter's ZIP is outside New York
 */
public record Ask(List<Target> targets, List<Ambiguity> ambiguous, boolean findYours, NoCall noCall, boolean outsideNy) {

	public Ask {
		targets = List.copyOf(targets);
		ambiguous = List.copyOf(ambiguous);
	}

	static Ask none(NoCall why, boolean outsideNy) {
		return new Ask(List.of(), List.of(), false, why, outsideNy);
	}

	/**
	 * Someone to call.
	 *
	 * @param legislator the legislator, or null for the governor's office
	 * @param sponsor whether they sponsor or co-sponsor the bill: thanked rather than urged
	 */
	public record Target(Legislator legislator, boolean sponsor) {

		public boolean governor() {
			return legislator == null;
		}

	}

	/**
	 * One chamber's possible districts.
	 *
	 * @param chamber the chamber
	 * @param candidates every district the ZIP touches, with its current holder where the seat is filled
	 */
	public record Ambiguity(Chamber chamber, List<Candidate> candidates) {
	}

	/** A possible district and who holds it (null when vacant). */
	public record Candidate(String district, Legislator holder, boolean sponsor) {
	}

	/** Why an email asks for no call. */
	public enum NoCall {

		/** The ask was turned off where the template is used. */
		NOT_ASKED,
		/** A blast without a bill, with the automatic ask. */
		NO_BILL,
		/** Signed, or became law without a signature. */
		LAW,
		VETOED,
		SESSION_ENDED,
		/** Stricken, lost, substituted: nobody can act. */
		OVER,
		/** The bill is with the governor, and no governor's office is configured. */
		NO_GOVERNOR,
		/** The supporter lives outside New York, and no governor's office is configured. */
		OUTSIDE_NY

	}

}
