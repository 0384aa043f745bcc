package org.callout.legislators;

import com.fasterxml.jackson.annotation.JsonValue;

/** How sure an answer about districts is. Ordered from most to least sure. */
public enum Confidence {

	/** One district for the address or ZIP. */
	EXACT("exact"),
	/** The ZIP touches several districts: candidates are kept, with land shares when known. */
	AMBIGUOUS("ambiguous"),
	/** No district is known (no ZIP, a PO-box ZIP, a ZIP area missing from the table). */
	UNKNOWN("unknown"),
	/** The ZIP is not in New York. */
	OUTSIDE_NY("outside-ny");

	private final String code;

	Confidence(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	public static Confidence of(String code) {
		for (Confidence confidence : values()) {
			if (confidence.code.equals(code)) {
				return confidence;
			}
		}
		throw new IllegalArgumentException("No confidence " + code);
	}

	/** The less sure of two answers, for a pair of chambers. */
	public Confidence or(Confidence other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
