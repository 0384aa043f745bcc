package org.callout.legislators;

import java.util.Map;
import java.util.Optional;

import org.callout.legislators.internal.DistrictQueries;
import org.callout.legislators.internal.RepresentationStore;

import org.springframework.stereotype.Service;

/** Who represents each subscriber, for other modules: the districts, how sure, and the two legislators. */
@Service
public class Representatives {

	private final RepresentationStore store;

	private final Legislators legislators;

	private final DistrictQueries queries;

	Representatives(RepresentationStore store, Legislators legislators, DistrictQueries queries) {
		this.store = store;
		this.legislators = legislators;
		this.queries = queries;
	}

	/**
	 * Who represents whoever lives at this ZIP and street address (either may be typed by anyone: they are
	 * checked), looked up now and stored nowhere; subscriber id 0. For previews of a campaign email.
	 *
	 * @param street optional
	 * @throws org.callout.platform.RequestRefusedException naming {@code zip} or {@code address}
	 */
	public Representation lookUp(String zip, String street) {
		return queries.lookUp(zip, street);
	}

	/** Empty until the subscriber's districts have been looked up (after they confirm). */
	public Optional<Representation> representationOf(long subscriberId) {
		return store.find(subscriberId).map(row -> new Representation(row.subscriberId(), row.answer(),
				legislators.current(Chamber.UPPER, row.answer().senate().district()),
				legislators.current(Chamber.LOWER, row.answer().assembly().district()), row.lookedUpAt()));
	}

	/**
	 * The representation kept in a copy of the stored columns (a blast's snapshot), with the legislators who hold
	 * those seats in {@code seats} (read once for many recipients: two queries each would be most of a message's
	 * cost); empty when the copy was of no answer.
	 */
	public Optional<Representation> fromStored(long subscriberId, StoredDistricts stored, Seats seats) {
		if (stored.none()) {
			return Optional.empty();
		}
		DistrictAnswer answer = RepresentationStore.answer(stored.senateDistrict(), stored.assemblyDistrict(),
				stored.senateCandidates(), stored.assemblyCandidates(), stored.source(), stored.confidence(), null);
		String senate = answer.senate().district();
		String assembly = answer.assembly().district();
		return Optional.of(new Representation(subscriberId, answer,
				seats.holder(Chamber.UPPER, senate), seats.holder(Chamber.LOWER, assembly),
				stored.lookedUpAt()));
	}

	/** How many subscribers' answers are exact, ambiguous, unknown and outside New York. */
	public Map<Confidence, Long> summary() {
		return store.summary();
	}

}
