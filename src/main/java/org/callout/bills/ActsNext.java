package org.callout.bills;

/** Who must act next on a bill: where it sits. Campaigns ask the legislators of that chamber. */
public enum ActsNext {

	SENATE, ASSEMBLY,
	/** Neither house has passed it: both have a print to move. */
	BOTH_CHAMBERS,
	GOVERNOR,
	/** Signed, vetoed, stricken everywhere, or the session ended. */
	NOBODY

}
