package dev.encore.engine.support;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.profile.ProfileStore;

/**
 * The zone a customer's local-time waits and quiet hours use: their profile's, else the
 * shop's default ({@code encore.journeys.default-time-zone}).
 */
@Component
class CustomerZone {

	private final ProfileStore profiles;

	private final ZoneId defaultZone;

	CustomerZone(ProfileStore profiles, JourneyProperties journeys) {
		this.profiles = profiles;
		this.defaultZone = journeys.defaultTimeZone();
	}

	/**
	 * @param fromProfile false when the shop's default stands in
	 */
	record Zone(ZoneId id, boolean fromProfile) {

		/** {@code Asia/Taipei}, or {@code UTC} rather than Java's {@code Z}. */
		String name() {
			return ZoneOffset.UTC.equals(this.id) ? "UTC" : this.id.getId();
		}

	}

	Zone of(String customerId) {
		String zone = this.profiles.find(customerId).map((profile) -> profile.timeZone()).orElse(null);
		if (zone != null && !zone.isBlank()) {
			try {
				return new Zone(ZoneId.of(zone), true);
			}
			catch (DateTimeException ex) {
				// An unreadable zone is treated as none, as the waits do.
			}
		}
		return new Zone(this.defaultZone, false);
	}

}
