package org.callout.legislators;

import java.time.Instant;
import java.util.Optional;

/**
 * Who represents one subscriber.
 *
 * @param subscriberId the subscriber
 * @param answer the districts, where they came from and how sure
 * @param senator the current senator of the Senate district, when the district is known
 * @param assemblyMember the current assembly member of the Assembly district, when known
 * @param lookedUpAt when the answer was worked out
 */
public record Representation(long subscriberId, DistrictAnswer answer, Optional<Legislator> senator,
		Optional<Legislator> assemblyMember, Instant lookedUpAt) {

	public Confidence confidence() {
		return answer.confidence();
	}

}
