package org.callout.legislators;

import java.util.List;

/**
 * The district in one chamber.
 *
 * @param confidence how sure
 * @param district the district when exact, the best guess (largest land share) when ambiguous with shares,
 *        otherwise null: without shares no candidate is presented as the answer
 * @param candidates every district considered, largest share first when shares are known
 */
public record ChamberAnswer(Confidence confidence, String district, List<DistrictCandidate> candidates) {

	public ChamberAnswer {
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
	}

	public static ChamberAnswer exact(String district) {
		return new ChamberAnswer(Confidence.EXACT, district, List.of(new DistrictCandidate(district, null)));
	}

	public static ChamberAnswer none(Confidence confidence) {
		return new ChamberAnswer(confidence, null, List.of());
	}

}
