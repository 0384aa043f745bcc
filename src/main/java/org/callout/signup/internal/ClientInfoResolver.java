package org.callout.signup.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.signup.ClientInfo;

import org.springframework.stereotype.Component;

/**
 * The client's IP and User-Agent as recorded with consent. The IP is the socket's peer: forwarding headers
 * are only honoured through Tomcat's RemoteIpValve for proxies the operator configured as trusted.
 */
@Component
class ClientInfoResolver {

	ClientInfo resolve(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new ClientInfo(request.getRemoteAddr(), agent == null ? null : clean(agent));
	}

	/** User agents are attacker-controlled text like any other field. */
	private static String clean(String value) {
		String cleaned = value.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
		return cleaned.length() > 512 ? cleaned.substring(0, 512) : cleaned;
	}

}
