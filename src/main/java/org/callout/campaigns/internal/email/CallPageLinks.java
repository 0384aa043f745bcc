package org.callout.campaigns.internal.email;

import org.callout.platform.CalloutProperties;
import org.callout.platform.LinkSigner;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The personal call page every campaign email links to ({@code /call/{token}}: the supporter, the blast, or a
 * test mark). Signed like the unsubscribe link, so the page can trust what it names without a lookup; the page
 * itself comes with blasts.
 */
@Component
class CallPageLinks {

	static final String PURPOSE = "call";

	private final LinkSigner signer;

	private final CalloutProperties callout;

	CallPageLinks(LinkSigner signer, CalloutProperties callout) {
		this.signer = signer;
		this.callout = callout;
	}

	/** @param blastId the blast, or null for a test send */
	String url(long subscriberId, Long blastId, String language) {
		String carrier = blastId == null ? "t" : "b" + blastId;
		return UriComponentsBuilder.fromUri(callout.publicBaseUrl())
			.path("/call/{token}")
			.queryParam("lang", language)
			.buildAndExpand(signer.signPermanent(PURPOSE, subscriberId + ":" + carrier))
			.toUriString();
	}

}
