package org.callout.legislators.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.DistrictAnswer;
import org.callout.legislators.DistrictCandidate;
import org.callout.legislators.Legislator;
import org.callout.legislators.Representation;

/**
 * An answer as the organizer API shows it.
 *
 * @param subscriberId the subscriber, for a stored representation; null for a lookup
 * @param lookedUpAt when it was worked out, for a stored representation
 */
record AnswerView(Long subscriberId, String source, String confidence, ChamberView senate, ChamberView assembly, String note,
		Instant lookedUpAt) {

	/** One chamber: the district (or best guess), the alternatives, and who holds the district. */
	record ChamberView(String district, String confidence, List<DistrictCandidate> candidates, Legislator legislator) {

		static ChamberView of(ChamberAnswer answer, Optional<Legislator> holder) {
			return new ChamberView(answer.district(), answer.confidence().code(), answer.candidates(), holder.orElse(null));
		}

	}

	static AnswerView of(DistrictQueries.Found found) {
		return of(null, found.answer(), found.senator(), found.assemblyMember(), null);
	}

	static AnswerView of(Representation r) {
		return of(r.subscriberId(), r.answer(), r.senator(), r.assemblyMember(), r.lookedUpAt());
	}

	private static AnswerView of(Long subscriberId, DistrictAnswer answer, Optional<Legislator> senator,
			Optional<Legislator> assemblyMember, Instant at) {
		return new AnswerView(subscriberId, answer.source().code(), answer.confidence().code(),
				ChamberView.of(answer.senate(), senator), ChamberView.of(answer.assembly(), assemblyMember), answer.note(), at);
	}

}
