package org.callout.campaigns.internal.blasts;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** Reading blasts from elsewhere in the module (the call page, its counts) without reaching into the store. */
@Service
public class Blasts {

	private final BlastStore store;

	Blasts(BlastStore store) {
		this.store = store;
	}

	public Optional<Blast> find(long id) {
		return store.find(id);
	}

}
