package org.callout.legislators.internal;

import org.callout.legislators.DistrictAnswer;

/**
 * One way to find districts. {@link DistrictLookup} tries the finders in their order until one answers.
 */
interface DistrictFinder {

	/**
	 * @param zip the 5-digit ZIP
	 * @param street the street address, or null
	 */
	Result find(String zip, String street);

	/**
	 * @param answer the answer, or null when this finder has none
	 * @param note what happened, for the record (a timeout, no match), or null
	 * @param retry whether asking again later may give a better answer (a failure, not a "no match")
	 */
	record Result(DistrictAnswer answer, String note, boolean retry) {

		static Result answered(DistrictAnswer answer) {
			return new Result(answer, null, false);
		}

		static Result noAnswer(String note) {
			return new Result(null, note, false);
		}

		static Result failed(String note) {
			return new Result(null, note, true);
		}

	}

}
