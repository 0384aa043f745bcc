package org.callout.campaigns.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.callout.campaigns.internal.blasts.QuietHours;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Campaign settings. The legislature's directory has no office hours and no governor, so they are set here.
 *
 * @param defaultTemplate the template used when none is named
 * @param officeHours per chamber ({@code senate}, {@code assembly}), per language: when offices answer the phone
 * @param governor the governor's office, asked when a bill sits with the governor; blank name or phone: not
 * configured, and supporters are asked for no call then
 * @param quietHours no blast starts in this nightly window (wall-clock times in its zone); a blast sending finishes
 * @param sendBy a trigger's default: an alert that has not started this long after the change expires
 * @param schedulerInterval how often due blasts are moved to the handover queue
 * @param fourEyes a blast that awaits approval is approved by someone other than its author (off by default: a team
 * of one could never send one)
 */
@ConfigurationProperties("callout.campaigns")
public record CampaignsProperties(String defaultTemplate, Map<String, Map<String, String>> officeHours, Governor governor,
		QuietHours quietHours, Duration sendBy, Duration schedulerInterval, boolean fourEyes) {

	public CampaignsProperties {
		quietHours = quietHours == null
				? new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("America/New_York")) : quietHours;
		sendBy = sendBy == null ? Duration.ofHours(48) : sendBy;
		schedulerInterval = schedulerInterval == null ? Duration.ofSeconds(15) : schedulerInterval;
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
