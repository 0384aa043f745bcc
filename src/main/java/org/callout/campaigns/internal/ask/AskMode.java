package org.callout.campaigns.internal.ask;

import java.util.Locale;
import java.util.Optional;

/** Whom a use of a template asks supporters to call. */
public enum AskMode {

	/** The chamber where the bill sits; the governor when it is on the governor's desk; nobody when it is over. */
	AUTO,
	/** Both of the supporter's legislators. */
	BOTH, SENATE, ASSEMBLY, GOVERNOR,
	/** No call: the email informs or thanks. */
	NONE;

	/** {@code auto}, {@code both}, ... as written in the API. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<AskMode> of(String code) {
		if (code == null) {
			return Optional.of(AUTO);
		}
		for (AskMode mode : values()) {
			if (mode.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

}
