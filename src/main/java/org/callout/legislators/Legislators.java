package org.callout.legislators;

import java.util.List;
import java.util.Optional;

import org.callout.legislators.internal.LegislatorStore;

import org.springframework.stereotype.Service;

/** The legislator directory, for other modules (campaigns name the people to call). */
@Service
public class Legislators {

	private final LegislatorStore store;

	Legislators(LegislatorStore store) {
		this.store = store;
	}

	public Optional<Legislator> byId(long id) {
		return store.byId(id);
	}

	/** Who holds a seat now. */
	public Optional<Legislator> current(Chamber chamber, String district) {
		return district == null ? Optional.empty() : store.current(chamber, district);
	}

	/** Every seat's holder now, in one read (see {@link Seats}). */
	public Seats seats() {
		return new Seats(store.allCurrent());
	}

	/**
	 * @param chamber null for both
	 * @param district null for any
	 * @param q part of a name or another name (case-insensitive), null for any
	 */
	public List<Legislator> search(Chamber chamber, String district, String q, boolean currentOnly) {
		return store.search(chamber, district, q, currentOnly);
	}

}
