package dev.encore.engine.profile;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.InvalidJourneyException;
import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * Waits until a time of day where the customer is: a timer's date
 * {@code ${localTime.next(execution, '10:00')}} falls on the next 10:00 in the customer's
 * time zone (the profile's, else {@code encore.journeys.default-time-zone}), today if
 * that is still ahead, else tomorrow. Daylight-saving gaps move to the first valid
 * instant.
 */
@Component("localTime")
@JourneyBean
public class LocalTimeWaits {

	private final ProfileStore profiles;

	private final Clock clock;

	private final ZoneId defaultZone;

	LocalTimeWaits(ProfileStore profiles, Clock clock, JourneyProperties properties) {
		this.profiles = profiles;
		this.clock = clock;
		this.defaultZone = properties.defaultTimeZone();
	}

	public Date next(DelegateExecution execution, String timeOfDay) {
		// The business key of every journey is the customer id.
		return Date.from(next(this.clock.instant(), parse(timeOfDay), zoneOf(execution.getProcessBusinessKey())));
	}

	static Instant next(Instant now, LocalTime timeOfDay, ZoneId zone) {
		ZonedDateTime local = now.atZone(zone);
		ZonedDateTime candidate = local.toLocalDate().atTime(timeOfDay).atZone(zone);
		if (!candidate.toInstant().isAfter(now)) {
			candidate = local.toLocalDate().plusDays(1).atTime(timeOfDay).atZone(zone);
		}
		return candidate.toInstant();
	}

	private ZoneId zoneOf(String customerId) {
		String zone = customerId == null ? null
				: this.profiles.find(customerId).map((profile) -> profile.timeZone()).orElse(null);
		if (zone == null || zone.isBlank()) {
			return this.defaultZone;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			return this.defaultZone;
		}
	}

	private static LocalTime parse(String timeOfDay) {
		try {
			return LocalTime.parse(timeOfDay);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidJourneyException("A local time of day is HH:mm, e.g. 10:00, not '" + timeOfDay + "'");
		}
	}

}
