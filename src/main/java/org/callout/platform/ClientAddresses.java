package org.callout.platform;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Who the client is: the socket's peer, unless that peer is a proxy the operator named as trusted, in which
 * case the nearest untrusted address of X-Forwarded-For. A forged header from anyone else changes nothing.
 */
@Component
public class ClientAddresses {

	private static final Logger log = LoggerFactory.getLogger(ClientAddresses.class);

	private final List<Cidr> trustedProxies;

	private final AtomicBoolean warned = new AtomicBoolean();

	ClientAddresses(CalloutProperties properties) {
		this.trustedProxies = properties.trustedProxies().stream().map(value -> Cidr.parse(value)
			.orElseThrow(() -> new IllegalArgumentException("callout.trusted-proxies: '" + value + "' is not an IP address or CIDR range")))
			.toList();
	}

	public String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		// Some proxies add their own X-Forwarded-For line instead of appending to the client's: read every line,
		// in order, so a forged first line cannot pass for the proxy's.
		String forwarded = request.getHeaders("X-Forwarded-For") == null ? null
				: String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
		forwarded = forwarded == null || forwarded.isEmpty() ? null : forwarded;
		if (!trusted(peer)) {
			if ((forwarded != null || request.getHeader("Forwarded") != null || request.getHeader("X-Real-IP") != null)
					&& warned.compareAndSet(false, true)) {
				log.warn("Requests carry forwarding headers (X-Forwarded-For...) from {}, which is not a trusted proxy, so "
						+ "Callout ignores them and uses the connection's address. If Callout runs behind a reverse proxy, "
						+ "name it in callout.trusted-proxies (IPs or CIDR ranges).", peer);
			}
			return peer;
		}
		if (forwarded == null) {
			return peer;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (Cidr.literal(hop).isEmpty()) {
				return peer; // Garbage in the chain: do not guess.
			}
			if (!trusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean trusted(String address) {
		return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
	}

	/** The group an address counts in for limits: itself for IPv4, its /64 network for IPv6. */
	public static String limitGroup(String address) {
		return Cidr.literal(address).map(bytes -> {
			if (bytes.length == 4) {
				return address;
			}
			byte[] network = Cidr.mask(bytes, 64);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				text.append(Integer.toHexString(((network[i] & 0xFF) << 8) | (network[i + 1] & 0xFF))).append(':');
			}
			return text.append(":/64").toString();
		}).orElse(address);
	}

}
