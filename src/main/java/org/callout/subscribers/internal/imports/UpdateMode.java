package org.callout.subscribers.internal.imports;

import java.util.Locale;
import java.util.Optional;

/** What an import does to the details of someone already on file. */
public enum UpdateMode {

	/** Leaves them as they are. */
	NONE,
	/** Sets only what is blank on file. */
	FILL_BLANKS,
	/** Replaces each with the file's value; an empty cell never erases anything. */
	OVERWRITE;

	public static Optional<UpdateMode> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(NONE);
		}
		for (UpdateMode mode : values()) {
			if (mode.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

	public String wire() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
