package org.callout.signup.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signup settings.
 *
 * @param confirmationLinkTtl how long a confirmation link works
 * @param resendInterval at most one confirmation email per (address, list) in this interval
 * @param notMeQuietPeriod after "this wasn't me", signups of that address send nothing for this long
 * @param confirmationsPerHour global cap on confirmation emails per hour; the rest wait in the queue
 * @param corsAllowedOrigins origins whose pages may call the public signup API from a browser
 * @param queuePollInterval how often the confirmation queue is checked for what a restart or the cap held back
 * @param rateLimit per-client limits
 * @param form the public form
 */
@ConfigurationProperties("callout.signup")
public record SignupProperties(Duration confirmationLinkTtl, Duration resendInterval, Duration notMeQuietPeriod,
		int confirmationsPerHour, List<String> corsAllowedOrigins, Duration queuePollInterval, RateLimit rateLimit,
		Form form) {

	public SignupProperties {
		confirmationLinkTtl = confirmationLinkTtl == null ? Duration.ofDays(7) : confirmationLinkTtl;
		resendInterval = resendInterval == null ? Duration.ofHours(24) : resendInterval;
		notMeQuietPeriod = notMeQuietPeriod == null ? Duration.ofDays(90) : notMeQuietPeriod;
		confirmationsPerHour = confirmationsPerHour <= 0 ? 1000 : confirmationsPerHour;
		corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
		queuePollInterval = queuePollInterval == null ? Duration.ofSeconds(15) : queuePollInterval;
		rateLimit = rateLimit == null ? new RateLimit(0) : rateLimit;
		form = form == null ? new Form(null, null, Map.of(), Map.of()) : form;
	}

	/**
	 * Per-client limits (the per-address limit is {@code resendInterval}).
	 *
	 * @param perIpPerHour signups per client IP (IPv6: per /64) per hour, except from the kiosk allow-list
	 */
	public record RateLimit(int perIpPerHour) {

		public RateLimit {
			perIpPerHour = perIpPerHour <= 0 ? 30 : perIpPerHour;
		}

	}

	/**
	 * The public form.
	 *
	 * @param minimumFillTime a form submitted sooner than this after it was shown is asked again (bots are fast)
	 * @param maximumAge a form older than this is shown again with a fresh timestamp
	 * @param headline the campaign headline per language (falls back to the messages files)
	 * @param why the "why this matters" paragraph per language (falls back to the messages files)
	 */
	public record Form(Duration minimumFillTime, Duration maximumAge, Map<String, String> headline,
			Map<String, String> why) {

		public Form {
			minimumFillTime = minimumFillTime == null ? Duration.ofSeconds(3) : minimumFillTime;
			maximumAge = maximumAge == null ? Duration.ofHours(24) : maximumAge;
			headline = headline == null ? Map.of() : Map.copyOf(headline);
			why = why == null ? Map.of() : Map.copyOf(why);
		}

	}

}
