package org.callout.campaigns.internal.email;

import java.time.Clock;
import java.util.Optional;

import org.callout.platform.CalloutProperties;
import org.callout.platform.LinkSigner;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The personal call page every campaign email links to ({@code /call/{token}}: the supporter, and the blast or
 * a test mark). Signed like the unsubscribe link, so the page can trust what it names without a lookup. A test
 * send has no blast, so its token carries what the page needs to show the same legislators and bill as the
 * test email: {@code <subscriber>:t:<zip>:<bill or ->:<ask>}.
 */
@Component
public class CallPageLinks {

	static final String PURPOSE = "call";

	/**
	 * What a call-page token names.
	 *
	 * @param subscriberId the supporter; 0 for a test sent for a ZIP rather than a subscriber
	 * @param blastId the blast, or null for a test send
	 * @param zip a test send's ZIP (5 digits), or null
	 * @param billId a test send's bill, or null
	 * @param ask a test send's ask code, or null
	 */
	public record Token(long subscriberId, Long blastId, String zip, Long billId, String ask) {

		/** A test send's page: it says so, and records nothing. */
		public boolean test() {
			return blastId == null;
		}

	}

	private final LinkSigner signer;

	private final CalloutProperties callout;

	private final Clock clock;

	CallPageLinks(LinkSigner signer, CalloutProperties callout, Clock clock) {
		this.signer = signer;
		this.callout = callout;
		this.clock = clock;
	}

	/** The link in a blast's email. */
	public String blastUrl(long subscriberId, long blastId, String language) {
		return url(subscriberId + ":b" + blastId, language);
	}

	/** The link in a test send's email: the page shows what the email showed, and records nothing. */
	public String testUrl(long subscriberId, String zip, Long billId, String ask, String language) {
		return url(subscriberId + ":t:" + zip5(zip) + ":" + (billId == null ? "-" : billId) + ":" + (ask == null ? "auto" : ask),
				language);
	}

	/** What a token names; empty when it is forged, altered, cut short or not a call-page token. */
	public Optional<Token> verify(String token) {
		if (!(signer.verify(PURPOSE, token, clock.instant()) instanceof LinkSigner.Verification.Valid valid)) {
			return Optional.empty();
		}
		String[] parts = valid.data().split(":", -1);
		try {
			long subscriber = Long.parseLong(parts[0]);
			if (parts.length == 2 && parts[1].startsWith("b")) {
				return Optional.of(new Token(subscriber, Long.parseLong(parts[1].substring(1)), null, null, null));
			}
			if (parts.length == 2 && parts[1].equals("t")) {
				// A test link signed before tokens carried the ZIP: the page still says it is a test.
				return Optional.of(new Token(subscriber, null, null, null, "auto"));
			}
			if (parts.length == 5 && parts[1].equals("t")) {
				return Optional.of(new Token(subscriber, null, parts[2].isEmpty() ? null : parts[2],
						parts[3].equals("-") ? null : Long.valueOf(parts[3]), parts[4]));
			}
		}
		catch (NumberFormatException ex) {
			// Signed by us but not in a shape we make: treated like any broken link.
		}
		return Optional.empty();
	}

	private String url(String data, String language) {
		return UriComponentsBuilder.fromUri(callout.publicBaseUrl())
			.path("/call/{token}")
			.queryParam("lang", language)
			.buildAndExpand(signer.signPermanent(PURPOSE, data))
			.toUriString();
	}

	/** Only a well-formed ZIP goes into a token: what an organizer typed for a preview may be anything. */
	private static String zip5(String zip) {
		String stripped = zip == null ? "" : zip.strip();
		return stripped.matches("\\d{5}(-\\d{4})?") ? stripped.substring(0, 5) : "";
	}

}
