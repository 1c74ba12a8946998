package dev.encore.engine.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours over many instants in zones with and without daylight saving, with extra
 * instants around each transition: nothing goes out inside the window, and every deferred
 * send goes at the window's end on the right day.
 */
class QuietHoursTest {

	private static final String WINDOW = "21:00-09:00";

	@ParameterizedTest
	@ValueSource(strings = { "America/New_York", "Asia/Taipei", "Pacific/Chatham", "Europe/London", "UTC" })
	void noSendInsideTheWindowAndEveryDeferralEndsAtItsEnd(String zoneId) {
		ZoneId zone = ZoneId.of(zoneId);
		for (Instant now : instants(zone)) {
			Optional<Instant> until = QuietHours.deferUntil(WINDOW, zone, now);
			LocalTime local = now.atZone(zone).toLocalTime();
			boolean inside = !local.isBefore(LocalTime.of(21, 0)) || local.isBefore(LocalTime.of(9, 0));
			assertThat(until.isPresent()).as("%s in %s (local %s)", now, zone, local).isEqualTo(inside);
			Instant sendAt = until.orElse(now);
			assertThat(QuietHours.deferUntil(WINDOW, zone, sendAt)).as("send at %s", sendAt).isEmpty();
			if (until.isPresent()) {
				ZonedDateTime end = until.get().atZone(zone);
				assertThat(end.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
				assertThat(until.get()).isAfter(now);
				assertThat(Duration.between(now, until.get())).isLessThanOrEqualTo(Duration.ofHours(13));
				LocalDate expectedDay = local.isBefore(LocalTime.of(9, 0)) ? now.atZone(zone).toLocalDate()
						: now.atZone(zone).toLocalDate().plusDays(1);
				assertThat(end.toLocalDate()).isEqualTo(expectedDay);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "America/New_York", "Pacific/Chatham" })
	void windowsThatCrossTheSkippedOrRepeatedHourStillEndAtTheirEnd(String zoneId) {
		ZoneId zone = ZoneId.of(zoneId);
		// A window set across the transition hour itself (02:00-03:30 local).
		for (Instant now : instants(zone)) {
			Optional<Instant> until = QuietHours.deferUntil("01:30-03:30", zone, now);
			until.ifPresent((end) -> {
				assertThat(end).isAfter(now);
				assertThat(QuietHours.deferUntil("01:30-03:30", zone, end)).isEmpty();
			});
		}
	}

	/**
	 * 20,000 seeded instants across 2026 plus every minute around the zone's transitions.
	 */
	private static List<Instant> instants(ZoneId zone) {
		List<Instant> instants = new ArrayList<>();
		Random random = new Random(20261123L);
		Instant from = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 20_000; i++) {
			instants.add(from.plusSeconds(random.nextInt(365 * 24 * 3600)));
		}
		var rules = zone.getRules();
		var transition = rules.nextTransition(from);
		while (transition != null && transition.getInstant().isBefore(from.plus(Duration.ofDays(365)))) {
			Instant at = transition.getInstant();
			for (int minute = -36 * 60; minute <= 36 * 60; minute += 7) {
				instants.add(at.plus(Duration.ofMinutes(minute)));
			}
			transition = rules.nextTransition(at);
		}
		return instants;
	}

}
