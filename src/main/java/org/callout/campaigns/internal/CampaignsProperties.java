package org.callout.campaigns.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Campaign settings. The legislature's directory has no office hours and no governor, so they are set here.
 *
 * @param defaultTemplate the template used when none is named
 * @param officeHours per chamber ({@code senate}, {@code assembly}), per language: when offices answer the phone
 * @param governor the governor's office, asked when a bill sits with the governor; blank name or phone: not
 * configured, and supporters are asked for no call then
 */
@ConfigurationProperties("callout.campaigns")
public record CampaignsProperties(String defaultTemplate, Map<String, Map<String, String>> officeHours, Governor governor) {

	public CampaignsProperties {
		defaultTemplate = defaultTemplate == null || defaultTemplate.isBlank() ? "call-your-legislator" : defaultTemplate;
		officeHours = officeHours == null ? Map.of() : Map.copyOf(officeHours);
		governor = governor == null ? new Governor(null, null, null, null) : governor;
	}

	/**
	 * @param name the governor's name ("Kathy Hochul")
	 * @param title per language, as it goes before the name ("Governor", "Gobernadora")
	 * @param phone the office's public phone
	 * @param officeHours per language
	 */
	public record Governor(String name, Map<String, String> title, String phone, Map<String, String> officeHours) {

		public Governor {
			title = title == null ? Map.of() : Map.copyOf(title);
			officeHours = officeHours == null ? Map.of() : Map.copyOf(officeHours);
		}

		public boolean configured() {
			return name != null && !name.isBlank() && phone != null && !phone.isBlank();
		}

	}

}
