package org.callout.signup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.callout.platform.LinkSigner;

import org.springframework.stereotype.Component;

/**
 * The signed time a form was shown. A submission sooner than the minimum fill time (bots are fast) or later
 * than the maximum age is shown again with a fresh stamp and a note, never dropped: autofill is fast too.
 */
@Component
class FormStamps {

	private static final String PURPOSE = "join-form";

	enum Verdict {

		OK, TOO_FAST, EXPIRED

	}

	private final LinkSigner signer;

	private final SignupProperties.Form form;

	private final Clock clock;

	FormStamps(LinkSigner signer, SignupProperties properties, Clock clock) {
		this.signer = signer;
		this.form = properties.form();
		this.clock = clock;
	}

	String issue() {
		Instant now = clock.instant();
		return signer.sign(PURPOSE, String.valueOf(now.toEpochMilli()), now.plus(form.maximumAge()));
	}

	Verdict check(String stamp) {
		if (!(signer.verify(PURPOSE, stamp, clock.instant()) instanceof LinkSigner.Verification.Valid valid)) {
			return Verdict.EXPIRED;
		}
		Instant shown = Instant.ofEpochMilli(Long.parseLong(valid.data()));
		return Duration.between(shown, clock.instant()).compareTo(form.minimumFillTime()) < 0 ? Verdict.TOO_FAST : Verdict.OK;
	}

}
