package org.callout.legislators;

import java.util.Map;
import java.util.Optional;

import org.callout.legislators.internal.RepresentationStore;

import org.springframework.stereotype.Service;

/** Who represents each subscriber, for other modules: the districts, how sure, and the two legislators. */
@Service
public class Representatives {

	private final RepresentationStore store;

	private final Legislators legislators;

	Representatives(RepresentationStore store, Legislators legislators) {
		this.store = store;
		this.legislators = legislators;
	}

	/** Empty until the subscriber's districts have been looked up (after they confirm). */
	public Optional<Representation> representationOf(long subscriberId) {
		return store.find(subscriberId).map(row -> new Representation(row.subscriberId(), row.answer(),
				legislators.current(Chamber.UPPER, row.answer().senate().district()),
				legislators.current(Chamber.LOWER, row.answer().assembly().district()), row.lookedUpAt()));
	}

	/** How many subscribers' answers are exact, ambiguous, unknown and outside New York. */
	public Map<Confidence, Long> summary() {
		return store.summary();
	}

}
