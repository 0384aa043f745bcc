package org.callout.legislators.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Legislator and district settings.
 *
 * @param importOnFirstStart import the bundled legislators and ZIP table when the directory is empty
 * @param maxImportSize an import file (or zip) larger than this is refused whole
 * @param downloadTimeout how long fetching an https import source may take
 * @param retryInterval how often failed geocoder lookups are checked for a retry
 * @param importDirs the only directories an import may name a file in: an organizer token must not become a
 * way to read any file the server can (its environment holds the secrets)
 * @param geocoder the address geocoder
 */
@ConfigurationProperties("callout.legislators")
public record LegislatorsProperties(Boolean importOnFirstStart, DataSize maxImportSize, Duration downloadTimeout,
		Duration retryInterval, List<Path> importDirs, Geocoder geocoder) {

	public LegislatorsProperties {
		importOnFirstStart = importOnFirstStart == null ? Boolean.TRUE : importOnFirstStart;
		maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(50) : maxImportSize;
		downloadTimeout = downloadTimeout == null ? Duration.ofSeconds(60) : downloadTimeout;
		retryInterval = retryInterval == null ? Duration.ofMinutes(5) : retryInterval;
		importDirs = importDirs == null ? List.of() : List.copyOf(importDirs);
		geocoder = geocoder == null ? new Geocoder(false, null, null, null, 0, null, null) : geocoder;
	}

	/**
	 * The U.S. Census geocoder (no key). Off by default: the embedded default has no network.
	 *
	 * @param enabled whether street addresses are sent to it
	 * @param baseUrl where it answers ({@code https://geocoding.geo.census.gov})
	 * @param connectTimeout how long connecting may take
	 * @param requestTimeout how long one answer may take; past it the ZIP table answers and the lookup is retried
	 * @param requestsPerSecond at most this many requests per second; over it the ZIP table answers for now
	 * @param retryBackoff the wait before the first retry of a failed lookup, doubled after each failure
	 * @param maxRetryBackoff the longest wait between retries
	 */
	public record Geocoder(boolean enabled, String baseUrl, Duration connectTimeout, Duration requestTimeout,
			double requestsPerSecond, Duration retryBackoff, Duration maxRetryBackoff) {

		public Geocoder {
			baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://geocoding.geo.census.gov" : baseUrl.strip();
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
			requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
			requestsPerSecond = requestsPerSecond <= 0 ? 5 : requestsPerSecond;
			retryBackoff = retryBackoff == null ? Duration.ofMinutes(5) : retryBackoff;
			maxRetryBackoff = maxRetryBackoff == null ? Duration.ofHours(6) : maxRetryBackoff;
		}

	}

}
