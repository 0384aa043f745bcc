package org.callout.bills.internal;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bill settings.
 *
 * @param sessionEnds the day each calendar year's session adjourns ({@code 2021: 2021-06-10}); on that day every
 * tracked bill of the session that has not passed both houses becomes SESSION_ENDED (final in the even year)
 * @param openleg the NY Senate Open Legislation poller
 */
@ConfigurationProperties("callout.bills")
public record BillsProperties(Map<Integer, LocalDate> sessionEnds, Openleg openleg) {

	public BillsProperties {
		sessionEnds = sessionEnds == null ? Map.of() : new TreeMap<>(sessionEnds);
		openleg = openleg == null ? new Openleg(null, null, null, null, null) : openleg;
	}

	/**
	 * @param baseUrl Open Legislation's base URL
	 * @param apiKey the API key (environment only: CALLOUT_BILLS_OPENLEG_API_KEY); without one the poller is idle
	 * @param interval how often to poll
	 * @param initialDelay how long after start the first poll waits
	 * @param timeout how long one request may take
	 */
	public record Openleg(URI baseUrl, String apiKey, Duration interval, Duration initialDelay, Duration timeout) {

		public Openleg {
			initialDelay = initialDelay == null ? Duration.ofSeconds(20) : initialDelay;
			baseUrl = baseUrl == null ? URI.create("https://legislation.nysenate.gov") : baseUrl;
			interval = interval == null ? Duration.ofMinutes(15) : interval;
			timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
		}

		public boolean configured() {
			return apiKey != null && !apiKey.isBlank();
		}

		@Override
		public String toString() {
			return "Openleg[" + baseUrl + ", key " + (configured() ? "set" : "not set") + "]";
		}

	}

}
