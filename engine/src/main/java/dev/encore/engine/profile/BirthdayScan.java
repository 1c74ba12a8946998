package dev.encore.engine.profile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;
import dev.encore.engine.journey.JourneyProperties;

/**
 * Emits {@code Birthday Reached} for each customer whose birthday it is today where they
 * live (their time zone, else the shop's). Run every hour by one node
 * ({@link ScheduledRuns}), so each time zone's day is caught soon after it starts. The
 * event's id is derived from the customer and the local year: the event history lets it
 * through once a year however often the day is scanned. A February 29 birthday is
 * celebrated on February 28 in other years.
 */
@Component
public class BirthdayScan {

	private static final Logger log = LoggerFactory.getLogger(BirthdayScan.class);

	static final String TASK = "birthday-scan";

	private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

	private static final MonthDay FEBRUARY_28 = MonthDay.of(2, 28);

	private final ProfileStore store;

	private final EventSink events;

	private final ScheduledRuns runs;

	private final ZoneId shopZone;

	private final BirthdayProperties properties;

	private final Clock clock;

	BirthdayScan(ProfileStore store, EventSink events, ScheduledRuns runs, JourneyProperties journeys,
			BirthdayProperties properties, Clock clock) {
		this.store = store;
		this.events = events;
		this.runs = runs;
		this.shopZone = journeys.defaultTimeZone();
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How often a node asks whether this hour's scan is due ({@link BirthdaySchedule}).
	 */
	public Duration checkEvery() {
		return this.properties.checkEvery();
	}

	/** Scans when no node has scanned this hour (UTC); whether this call did. */
	public boolean runIfDue() {
		Instant hour = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		if (!this.runs.claim(TASK, hour.toString())) {
			return false;
		}
		scan();
		return true;
	}

	/** Scans now; the number of birthday events emitted (first this year). */
	public int scan() {
		Instant now = this.clock.instant();
		LocalDate utc = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int emitted = 0;
		// Every time zone's date is within a day of UTC's.
		for (LocalDate day = utc.minusDays(1); !day.isAfter(utc.plusDays(1)); day = day.plusDays(1)) {
			for (CustomerProfile profile : celebrating(day)) {
				if (LocalDate.ofInstant(now, zoneOf(profile)).equals(day) && profile.birthday().celebratedOn(day)
						&& emit(profile, day, now)) {
					emitted++;
				}
			}
		}
		log.info("Birthday scan done: {} birthdays", emitted);
		return emitted;
	}

	/** Customers whose birthday may be celebrated on this date, wherever they live. */
	private List<CustomerProfile> celebrating(LocalDate day) {
		List<CustomerProfile> born = new ArrayList<>(this.store.bornOn(MonthDay.from(day)));
		// February 29 birthdays are celebrated on February 28 in other years.
		if (MonthDay.from(day).equals(FEBRUARY_28)) {
			born.addAll(this.store.bornOn(LEAP_DAY));
		}
		return born;
	}

	private boolean emit(CustomerProfile profile, LocalDate day, Instant now) {
		try {
			boolean applied = this.events.process(event(profile, day, now)) == EventSink.Outcome.APPLIED;
			if (applied) {
				log.info("Birthday reached for customer={}", profile.customerId());
			}
			return applied;
		}
		catch (RuntimeException ex) {
			// One customer's trouble must not stop the scan; the next hour retries the
			// same yearly id.
			log.warn("Birthday event for customer={} not applied: {}", profile.customerId(), ex.toString());
			return false;
		}
	}

	private ZoneId zoneOf(CustomerProfile profile) {
		try {
			return profile.timeZone() == null ? this.shopZone : ZoneId.of(profile.timeZone());
		}
		catch (DateTimeException ex) {
			return this.shopZone;
		}
	}

	private static CustomerEvent event(CustomerProfile profile, LocalDate day, Instant now) {
		String year = profile.customerId() + "|" + day.getYear();
		String messageId = "birthday-" + UUID.nameUUIDFromBytes(year.getBytes(StandardCharsets.UTF_8));
		return new CustomerEvent(messageId, EventType.TRACK, EventNames.BIRTHDAY_REACHED, profile.customerId(), now,
				Map.of("localDate", day.toString()), Map.of(), EventNames.INTERNAL_SOURCE);
	}

}
