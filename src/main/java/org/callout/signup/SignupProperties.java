package org.callout.signup;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signup settings.
 *
 * @param confirmationLinkTtl how long a confirmation link works
 * @param resendInterval at most one confirmation email per (address, list) in this interval
 * @param notMeQuietPeriod after "this wasn't me", signups of that address send nothing for this long
 * @param confirmationsPerHour global cap on confirmation emails per hour; the rest wait in the queue
 * @param corsAllowedOrigins origins whose pages may call the public signup API from a browser
 */
@ConfigurationProperties("callout.signup")
public record SignupProperties(Duration confirmationLinkTtl, Duration resendInterval, Duration notMeQuietPeriod,
		int confirmationsPerHour, List<String> corsAllowedOrigins) {

	public SignupProperties {
		confirmationLinkTtl = confirmationLinkTtl == null ? Duration.ofDays(7) : confirmationLinkTtl;
		resendInterval = resendInterval == null ? Duration.ofHours(24) : resendInterval;
		notMeQuietPeriod = notMeQuietPeriod == null ? Duration.ofDays(90) : notMeQuietPeriod;
		confirmationsPerHour = confirmationsPerHour <= 0 ? 1000 : confirmationsPerHour;
		corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
	}

}
