package org.callout.subscribers;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.callout.platform.CalloutProperties;
import org.callout.platform.LinkSigner;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Unsubscribe links ({@code /u/{token}}): signed with the link key, so a link is checked without reading the
 * database and cannot be forged or altered, and permanent, so the link in a years-old email still works.
 */
@Component
public class UnsubscribeLinks {

	static final String PURPOSE = "unsubscribe";

	private final LinkSigner signer;

	private final URI baseUrl;

	UnsubscribeLinks(LinkSigner signer, CalloutProperties callout) {
		this.signer = signer;
		this.baseUrl = callout.publicBaseUrl();
	}

	public String token(UnsubscribeTarget target) {
		return signer.signPermanent(PURPOSE, target.encode());
	}

	/** The https link for the email's body and its List-Unsubscribe header. */
	public URI url(UnsubscribeTarget target) {
		return UriComponentsBuilder.fromUri(baseUrl).path("/u/{token}").buildAndExpand(token(target)).toUri();
	}

	/** The target of a token, or empty when no kept key verifies it or it does not say what it should. */
	public Optional<UnsubscribeTarget> verify(String token) {
		return switch (signer.verify(PURPOSE, token, Instant.EPOCH)) {
			case LinkSigner.Verification.Valid valid -> UnsubscribeTarget.decode(valid.data());
			default -> Optional.empty();
		};
	}

}
