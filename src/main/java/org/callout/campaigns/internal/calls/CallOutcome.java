package org.callout.campaigns.internal.calls;

import java.util.Optional;

/** What a supporter says happened when they called: the three buttons of the call page. */
public enum CallOutcome {

	/** "I talked to someone." */
	TALKED,
	/** "I left a voicemail." */
	VOICEMAIL,
	/** "I couldn't get through." */
	NO_ANSWER;

	/** The button's value as posted; empty for anything else (a hand-made form, a mangled request). */
	static Optional<CallOutcome> of(String value) {
		for (CallOutcome outcome : values()) {
			if (outcome.name().equals(value)) {
				return Optional.of(outcome);
			}
		}
		return Optional.empty();
	}

}
