package org.callout.mail.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable DKIM key into the one sentence an operator needs, instead of a bean-creation stack trace. */
class DkimKeyFailureAnalyzer extends AbstractFailureAnalyzer<DkimKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DkimKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give CALLOUT_MAIL_DKIM_PRIVATE_KEY (or callout.mail.dkim.private-key-file) an unencrypted RSA private key "
						+ "in PEM, or unset both to leave signing to the relay; see 'DKIM' in the README.",
				cause);
	}

}
