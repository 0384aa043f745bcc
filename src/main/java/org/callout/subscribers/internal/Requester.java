package org.callout.subscribers.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.ClientAddresses;
import org.callout.platform.TypedText;

/**
 * Who sent a request, as the consent ledger records it.
 *
 * @param ipAddress the client's IP (see {@link ClientAddresses}: a forged X-Forwarded-For changes nothing)
 * @param userAgent the User-Agent header, cleaned, or null
 */
record Requester(String ipAddress, String userAgent) {

	static final int MAX_USER_AGENT = 512;

	static Requester of(HttpServletRequest request, ClientAddresses addresses) {
		return new Requester(addresses.of(request), userAgent(request.getHeader("User-Agent")));
	}

	/** A User-Agent is attacker-controlled text like any other field: no control characters, bounded. */
	private static String userAgent(String header) {
		String cleaned = TypedText.clean(header);
		if (cleaned == null) {
			return null;
		}
		int end = cleaned.offsetByCodePoints(0, Math.min(MAX_USER_AGENT, cleaned.codePointCount(0, cleaned.length())));
		return cleaned.substring(0, end);
	}

}
