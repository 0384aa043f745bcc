package org.callout.signup.internal;

import java.time.Duration;

import org.callout.platform.ClientAddresses;

import org.springframework.stereotype.Component;

/** At most N signups per client IP (IPv6: per /64) per hour, unless the network is a listed kiosk. */
@Component
class SignupLimits {

	private final RateLimiter limiter;

	private final KioskAllowlist kiosks;

	private final SignupProperties properties;

	SignupLimits(RateLimiter limiter, KioskAllowlist kiosks, SignupProperties properties) {
		this.limiter = limiter;
		this.kiosks = kiosks;
		this.properties = properties;
	}

	/** @throws SignupRejectedException.RateLimited when this client is over the limit */
	void check(ClientInfo client) {
		if (client.ipAddress() == null || kiosks.covers(client.ipAddress())) {
			return;
		}
		limiter.tryAcquire("signup-ip:" + ClientAddresses.limitGroup(client.ipAddress()), properties.rateLimit().perIpPerHour(),
				Duration.ofHours(1))
			.ifPresent(wait -> {
				throw new SignupRejectedException.RateLimited(wait);
			});
	}

}
