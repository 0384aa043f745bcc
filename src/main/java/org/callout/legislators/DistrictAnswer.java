package org.callout.legislators;

/**
 * Both districts for one address or ZIP.
 *
 * @param source where the answer came from
 * @param senate the Senate district
 * @param assembly the Assembly district
 * @param note what went wrong on the way, such as a geocoder that timed out before the ZIP table answered
 */
public record DistrictAnswer(AnswerSource source, ChamberAnswer senate, ChamberAnswer assembly, String note) {

	/** The less sure of the two chambers. */
	public Confidence confidence() {
		return senate.confidence().or(assembly.confidence());
	}

	public DistrictAnswer withNote(String note) {
		return new DistrictAnswer(source, senate, assembly, note);
	}

	public ChamberAnswer in(Chamber chamber) {
		return chamber == Chamber.UPPER ? senate : assembly;
	}

}
