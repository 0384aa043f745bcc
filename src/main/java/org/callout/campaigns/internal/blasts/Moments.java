package org.callout.campaigns.internal.blasts;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.callout.platform.FieldError;

import org.springframework.boot.convert.DurationStyle;

/** Times and durations as organizers write them: zone-aware, with a clear error naming the field. */
final class Moments {

	private Moments() {
	}

	static ZoneId zone(String zone, ZoneId otherwise, List<FieldError> errors) {
		if (zone == null || zone.isBlank()) {
			return otherwise;
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("zone", "Unknown time zone '" + AudienceRequest.clip(zone) + "'; use one like America/New_York."));
			return otherwise;
		}
	}

	/** {@code 2026-12-02T10:00} in {@code zone}, or with its own offset ({@code 2026-12-02T10:00-05:00}). */
	static Instant at(String field, String value, ZoneId zone, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				LocalDateTime local = LocalDateTime.parse(value.strip());
				if (zone.getRules().getValidOffsets(local).isEmpty()) {
					// The clocks jump over it (the spring change): say so rather than quietly move it an hour.
					errors.add(new FieldError(field, value.strip() + " does not exist in " + zone.getId()
							+ ": the clocks skip that hour. Give a time outside it."));
					return null;
				}
				return local.atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError(field, "Give a date and time like 2026-12-02T10:00 (in the zone) or 2026-12-02T10:00-05:00."));
				return null;
			}
		}
	}

	/** {@code 48h}, {@code 30m} or ISO-8601 ({@code PT48H}); not negative. */
	static Duration duration(String field, String value, Duration otherwise, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(value.strip());
			if (duration.isNegative()) {
				errors.add(new FieldError(field, "A duration cannot be negative."));
				return otherwise;
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, "Give a duration like 30m, 48h or PT48H."));
			return otherwise;
		}
	}

}
