package org.callout.platform;

/** A secret that must come from the environment did not; start-up stops with one clear sentence. */
public class MissingSecretException extends RuntimeException {

	public MissingSecretException(String message) {
		super(message);
	}

}
