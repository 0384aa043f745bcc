package org.callout.subscribers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Subscriber settings.
 *
 * @param defaultList the public list that exists from the first start and takes signups naming no list
 */
@ConfigurationProperties("callout.subscribers")
public record SubscribersProperties(DefaultList defaultList) {

	public SubscribersProperties {
		defaultList = defaultList == null ? new DefaultList(null, null, null) : defaultList;
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

}
