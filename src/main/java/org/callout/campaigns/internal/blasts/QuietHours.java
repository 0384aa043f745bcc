package org.callout.campaigns.internal.blasts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A nightly window in which no blast starts (a blast already sending finishes). The window may cross midnight
 * (21:00–08:00); times are wall-clock times in the zone, so a daylight-saving change moves them with the clocks.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

	public boolean contains(Instant instant) {
		LocalTime time = instant.atZone(zone).toLocalTime();
		return start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end)
				: !time.isBefore(start) && time.isBefore(end);
	}

	/** {@code instant} itself when outside the window, else the window's end. */
	public Instant nextStart(Instant instant) {
		if (!contains(instant)) {
			return instant;
		}
		ZonedDateTime local = instant.atZone(zone);
		ZonedDateTime end = local.with(this.end);
		// Before midnight in a window that crosses it, the window ends tomorrow morning.
		if (!end.isAfter(local)) {
			end = local.toLocalDate().plusDays(1).atTime(this.end).atZone(zone);
		}
		return end.toInstant();
	}

}
