package org.callout.campaigns.internal.blasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), NEW_YORK);

	@Test
	void aStartDuringTheDayIsNotHeldBack() {
		Instant noon = Instant.parse("2026-12-01T17:00:00Z"); // 12:00 in New York (EST)

		assertThat(night.contains(noon)).isFalse();
		assertThat(night.nextStart(noon)).isEqualTo(noon);
	}

	@Test
	void aStartLateInTheEveningWaitsForEightTheNextMorning() {
		Instant evening = Instant.parse("2026-12-02T03:30:00Z"); // 22:30 on Dec 1 in New York

		assertThat(night.nextStart(evening)).isEqualTo(Instant.parse("2026-12-02T13:00:00Z"));
	}

	@Test
	void aStartAfterMidnightWaitsForEightTheSameMorning() {
		Instant early = Instant.parse("2026-12-02T07:00:00Z"); // 02:00 in New York

		assertThat(night.nextStart(early)).isEqualTo(Instant.parse("2026-12-02T13:00:00Z"));
	}

	@Test
	void theWindowFollowsTheClocksAcrossTheSpringDaylightSavingChange() {
		// 2027-03-14 02:00 EST becomes 03:00 EDT: 23:00 EST on the 13th waits for 08:00 EDT, which is 12:00 UTC.
		Instant beforeChange = Instant.parse("2027-03-14T04:00:00Z");

		assertThat(night.nextStart(beforeChange)).isEqualTo(Instant.parse("2027-03-14T12:00:00Z"));
		assertThat(night.contains(Instant.parse("2027-03-14T11:59:00Z"))).isTrue();
		assertThat(night.contains(Instant.parse("2027-03-14T12:00:00Z"))).isFalse();
	}

	@Test
	void theWindowFollowsTheClocksAcrossTheAutumnChange() {
		// 2026-11-01 02:00 EDT becomes 01:00 EST: 22:00 EDT on Oct 31 waits for 08:00 EST, 13:00 UTC.
		assertThat(night.nextStart(Instant.parse("2026-11-01T02:00:00Z"))).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
	}

	@Test
	void aDaytimeWindowDoesNotCrossMidnight() {
		QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), NEW_YORK);

		assertThat(lunch.contains(Instant.parse("2026-12-01T17:30:00Z"))).isTrue();
		assertThat(lunch.contains(Instant.parse("2026-12-01T18:30:00Z"))).isFalse();
		assertThat(lunch.nextStart(Instant.parse("2026-12-01T17:30:00Z"))).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
	}

}
