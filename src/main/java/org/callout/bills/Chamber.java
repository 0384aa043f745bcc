package org.callout.bills;

/** The two houses of the New York legislature, and the print letters that belong to each. */
public enum Chamber {

	SENATE, ASSEMBLY;

	/** S for the Senate; A, and the rarer J, K, B, C, E, L, R, for the Assembly (Open Legislation's bill types). */
	public static Chamber ofPrintLetter(char letter) {
		return letter == 'S' ? SENATE : ASSEMBLY;
	}

	public Chamber other() {
		return this == SENATE ? ASSEMBLY : SENATE;
	}

}
