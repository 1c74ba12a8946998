package dev.encore.engine.profile;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimeWaitsTest {

	private static final LocalTime TEN = LocalTime.of(10, 0);

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	@Test
	void laterTodayWhenTheTimeIsStillAhead() {
		// 08:00 in Taipei
		assertThat(LocalTimeWaits.next(Instant.parse("2026-11-23T00:00:00Z"), TEN, TAIPEI))
			.isEqualTo("2026-11-23T02:00:00Z");
	}

	@Test
	void tomorrowWhenTheTimeHasPassedOrIsNow() {
		assertThat(LocalTimeWaits.next(Instant.parse("2026-11-23T02:00:00Z"), TEN, TAIPEI))
			.isEqualTo("2026-11-24T02:00:00Z");
		assertThat(LocalTimeWaits.next(Instant.parse("2026-11-23T09:00:00Z"), TEN, TAIPEI))
			.isEqualTo("2026-11-24T02:00:00Z");
	}

	@Test
	void followsDaylightSavingTime() {
		ZoneId newYork = ZoneId.of("America/New_York");
		// Clocks go back on 2026-11-01: 10:00 is 14:00 UTC before, 15:00 UTC after.
		assertThat(LocalTimeWaits.next(Instant.parse("2026-10-31T20:00:00Z"), TEN, newYork))
			.isEqualTo("2026-11-01T15:00:00Z");
		// Clocks go forward on 2026-03-08 at 02:00: 02:30 does not exist, so 03:30.
		assertThat(LocalTimeWaits.next(Instant.parse("2026-03-08T05:00:00Z"), LocalTime.of(2, 30), newYork))
			.isEqualTo("2026-03-08T07:30:00Z");
	}

}
