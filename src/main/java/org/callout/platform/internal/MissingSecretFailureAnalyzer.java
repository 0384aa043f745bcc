package org.callout.platform.internal;

import org.callout.platform.MissingSecretException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing secret into the one sentence an operator needs, instead of a stack trace. */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set the secret in the environment; see 'Secrets' in the README.", cause);
	}

}
