package dev.encore.engine.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Hours a channel stays silent in the customer's time zone. A marketing send that falls
 * inside is deferred to the window's end, the first instant the customer may be messaged,
 * never dropped. Daylight-saving days are handled by the zone rules: a window end that
 * falls into a skipped hour moves forward with it.
 */
final class QuietHours {

	private QuietHours() {
	}

	/** When the send may go, if not now. */
	static Optional<Instant> deferUntil(String window, ZoneId zone, Instant now) {
		if (window == null || window.isBlank()) {
			return Optional.empty();
		}
		Window quiet = Window.parse(window);
		ZonedDateTime local = now.atZone(zone);
		LocalDate today = local.toLocalDate();
		// The window that could hold `now` started today or, crossing midnight,
		// yesterday.
		for (LocalDate start : new LocalDate[] { today, today.minusDays(1) }) {
			Instant from = ZonedDateTime.of(start, quiet.start(), zone).toInstant();
			LocalDate endDay = quiet.crossesMidnight() ? start.plusDays(1) : start;
			Instant until = ZonedDateTime.of(endDay, quiet.end(), zone).toInstant();
			if (!now.isBefore(from) && now.isBefore(until)) {
				return Optional.of(until);
			}
		}
		return Optional.empty();
	}

	record Window(LocalTime start, LocalTime end) {

		static Window parse(String value) {
			String[] parts = value.split("-");
			if (parts.length != 2) {
				throw new IllegalArgumentException("Quiet hours must look like 21:00-09:00, not '" + value + "'");
			}
			return new Window(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
		}

		boolean crossesMidnight() {
			return !this.end.isAfter(this.start);
		}

	}

}
