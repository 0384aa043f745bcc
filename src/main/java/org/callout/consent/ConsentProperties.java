package org.callout.consent;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The consent words shown beside every signup form.
 *
 * @param texts the consent text per language tag; {organization} is replaced by the organization's name
 */
@ConfigurationProperties("callout.consent")
public record ConsentProperties(Map<String, String> texts) {

	public ConsentProperties {
		texts = texts == null ? Map.of() : Map.copyOf(texts);
	}

}
