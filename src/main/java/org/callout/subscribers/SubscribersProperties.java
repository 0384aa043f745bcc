package org.callout.subscribers;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Subscriber settings.
 *
 * @param defaultList the public list that exists from the first start and takes signups naming no list
 * @param freshLinks the form that emails a fresh unsubscribe link to whoever holds a broken one
 * @param imports CSV imports of supporters
 */
@ConfigurationProperties("callout.subscribers")
public record SubscribersProperties(DefaultList defaultList, FreshLinks freshLinks, Imports imports) {

	public SubscribersProperties {
		defaultList = defaultList == null ? new DefaultList(null, null, null) : defaultList;
		freshLinks = freshLinks == null ? new FreshLinks(null, 0) : freshLinks;
		imports = imports == null ? new Imports(null, 0) : imports;
	}

	/**
	 * @param maxFileSize a CSV file larger than this is refused with 413 before a row is read
	 * @param chunkSize rows planned and written together, in one transaction and one batch per statement
	 */
	public record Imports(DataSize maxFileSize, int chunkSize) {

		public Imports {
			maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
			chunkSize = chunkSize <= 0 ? 1000 : chunkSize;
		}

	}

	/**
	 * @param slug its slug in URLs and the API
	 * @param name its name shown to supporters
	 * @param description a line about it
	 */
	public record DefaultList(String slug, String name, String description) {

		public DefaultList {
			slug = slug == null ? "supporters" : slug;
			name = name == null ? "Supporters" : name;
		}

	}

	/**
	 * Limits of the fresh-link form, counted whether or not the address is on a list (so they reveal nothing).
	 *
	 * @param perAddressInterval at most one request per address in this interval (at most a day)
	 * @param perIpPerHour at most this many requests per client IP (IPv6: per /64) per hour
	 */
	public record FreshLinks(Duration perAddressInterval, int perIpPerHour) {

		public FreshLinks {
			perAddressInterval = perAddressInterval == null ? Duration.ofMinutes(15) : perAddressInterval;
			perIpPerHour = perIpPerHour <= 0 ? 10 : perIpPerHour;
			// Requests are forgotten after a day, so a longer interval would silently be a day.
			if (perAddressInterval.isNegative() || perAddressInterval.compareTo(Duration.ofDays(1)) > 0) {
				throw new IllegalArgumentException("callout.subscribers.fresh-links.per-address-interval must be between 0 and 24h");
			}
		}

	}

}
