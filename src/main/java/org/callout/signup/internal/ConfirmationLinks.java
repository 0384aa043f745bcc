package org.callout.signup.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.callout.platform.CalloutProperties;
import org.callout.platform.LinkSigner;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed links of a confirmation email: "confirm" and "this wasn't me". Each carries the subscriber,
 * the list and the membership's pending nonce, and always starts with the configured public base URL.
 */
@Component
class ConfirmationLinks {

	static final String CONFIRM = "confirm";

	static final String NOT_ME = "not-me";

	record Target(long subscriberId, long listId, String nonce) {
	}

	sealed interface Check {

		record Valid(Target target) implements Check {
		}

		record Expired() implements Check {
		}

		record Invalid() implements Check {
		}

	}

	private final LinkSigner signer;

	private final URI baseUrl;

	private final SignupProperties properties;

	private final Clock clock;

	ConfirmationLinks(LinkSigner signer, CalloutProperties callout, SignupProperties properties, Clock clock) {
		this.signer = signer;
		this.baseUrl = callout.publicBaseUrl();
		this.properties = properties;
		this.clock = clock;
	}

	String url(String purpose, Target target, String language) {
		// "This wasn't me" only ever stops email, so it keeps working as long as the quiet period it starts.
		Instant expires = clock.instant()
			.plus(CONFIRM.equals(purpose) ? properties.confirmationLinkTtl() : properties.notMeQuietPeriod());
		String token = signer.sign(purpose, target.subscriberId() + ":" + target.listId() + ":" + target.nonce(), expires);
		return UriComponentsBuilder.fromUri(baseUrl)
			.path("/" + purpose)
			.queryParam("token", token)
			.queryParam("lang", language)
			.build()
			.toUriString();
	}

	Check check(String purpose, String token) {
		return switch (signer.verify(purpose, token, clock.instant())) {
			case LinkSigner.Verification.Valid valid -> parse(valid.data()).<Check>map(Check.Valid::new).orElse(new Check.Invalid());
			case LinkSigner.Verification.Expired expired -> new Check.Expired();
			case LinkSigner.Verification.Invalid invalid -> new Check.Invalid();
		};
	}

	private static Optional<Target> parse(String data) {
		String[] parts = data.split(":");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Target(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
