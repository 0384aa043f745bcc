package org.callout.legislators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds each seat, read in one query: for many lookups in a row (the thousands of emails of a blast), where a
 * query per seat per email would cost two round trips a message. A copy: it does not follow later imports.
 */
public final class Seats {

	private final Map<Chamber, Map<String, Legislator>> holders = new HashMap<>();

	/** @param current current legislators, the newest import of a seat first (it wins, as in a single lookup) */
	public Seats(List<Legislator> current) {
		for (Legislator legislator : current) {
			holders.computeIfAbsent(legislator.chamber(), chamber -> new HashMap<>())
				.putIfAbsent(legislator.district(), legislator);
		}
	}

	/** Who holds the seat, as {@link Legislators#current} answered when this copy was read. */
	public Optional<Legislator> holder(Chamber chamber, String district) {
		if (district == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(holders.getOrDefault(chamber, Map.of()).get(district));
	}

	public int size() {
		return holders.values().stream().mapToInt(Map::size).sum();
	}

}
