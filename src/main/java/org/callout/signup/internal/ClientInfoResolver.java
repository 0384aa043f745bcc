package org.callout.signup.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.ClientAddresses;

import org.springframework.stereotype.Component;

/** The client's IP (see {@link ClientAddresses}) and User-Agent, as recorded with consent. */
@Component
class ClientInfoResolver {

	private final ClientAddresses addresses;

	ClientInfoResolver(ClientAddresses addresses) {
		this.addresses = addresses;
	}

	ClientInfo resolve(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new ClientInfo(addresses.of(request), agent == null ? null : clean(agent));
	}

	/** User agents are attacker-controlled text like any other field. */
	private static String clean(String value) {
		String cleaned = value.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
		return cleaned.length() > 512 ? cleaned.substring(0, 512) : cleaned;
	}

}
