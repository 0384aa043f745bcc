package org.callout.bills.internal;

import java.util.Map;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;

/**
 * Who must act next, from the status of each print. A print's milestone order says how far it got: a Senate
 * print at 3 or more has passed the Senate, at 6 or more the Assembly too (and the other way round for an
 * Assembly print), so a bill has passed a house when either print says so.
 */
final class WhereItSits {

	private static final int PASSED_OWN_HOUSE = 3;

	private static final int PASSED_OTHER_HOUSE = 6;

	private WhereItSits() {
	}

	/** @param statuses the status of each print the bill has (absent chambers have no entry; null = unknown) */
	static ActsNext of(Map<Chamber, BillStatus> statuses) {
		if (statuses.values().stream().anyMatch(s -> s != null && s.ends())) {
			return ActsNext.NOBODY;
		}
		if (statuses.values().stream().anyMatch(s -> s == BillStatus.DELIVERED_TO_GOV)) {
			return ActsNext.GOVERNOR;
		}
		boolean senatePassed = passed(statuses, Chamber.SENATE);
		boolean assemblyPassed = passed(statuses, Chamber.ASSEMBLY);
		if (senatePassed && assemblyPassed) {
			return ActsNext.GOVERNOR;
		}
		if (senatePassed) {
			return ActsNext.ASSEMBLY;
		}
		if (assemblyPassed) {
			return ActsNext.SENATE;
		}
		boolean senateAlive = alive(statuses, Chamber.SENATE);
		boolean assemblyAlive = alive(statuses, Chamber.ASSEMBLY);
		if (senateAlive && assemblyAlive) {
			return ActsNext.BOTH_CHAMBERS;
		}
		return senateAlive ? ActsNext.SENATE : assemblyAlive ? ActsNext.ASSEMBLY : ActsNext.NOBODY;
	}

	/** Whether {@code house} has passed the bill, by either print. */
	static boolean passed(Map<Chamber, BillStatus> statuses, Chamber house) {
		BillStatus own = statuses.get(house);
		BillStatus other = statuses.get(house.other());
		return (own != null && own.milestoneOrder(house) >= PASSED_OWN_HOUSE)
				|| (other != null && other.milestoneOrder(house.other()) >= PASSED_OTHER_HOUSE);
	}

	private static boolean alive(Map<Chamber, BillStatus> statuses, Chamber chamber) {
		return statuses.containsKey(chamber) && (statuses.get(chamber) == null || !statuses.get(chamber).retiresPrint());
	}

}
