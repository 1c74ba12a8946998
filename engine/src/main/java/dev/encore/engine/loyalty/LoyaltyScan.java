package dev.encore.engine.loyalty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;
import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileProperties;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.profile.ScheduledRuns;

/**
 * The daily loyalty scan, run by one node ({@link ScheduledRuns}); it changes nothing
 * itself but emits events through the {@link EventSink}, whose ids make each happen once
 * however often it is scanned: {@code Tier Reviewed} when days since the last visit moved
 * a customer out of their tier (once a day), {@code Membership Anniversary} on the day of
 * the first order in the shop's time zone (once a year; February 29 on February 28 in
 * other years), {@code Points Expired} for points past their expiry (once a day) and
 * {@code Points Expiring} when points will expire within
 * {@code encore.loyalty.points.remind-before} (once for all points expiring in the same
 * span of that length).
 */
@Component
public class LoyaltyScan {

	private static final Logger log = LoggerFactory.getLogger(LoyaltyScan.class);

	static final String TASK = "loyalty-scan";

	private final ProfileStore store;

	private final EventSink events;

	private final ScheduledRuns runs;

	private final PointsLedger ledger;

	private final LoyaltyExtension loyalty;

	private final Tiers tiers;

	private final LoyaltyProperties properties;

	private final ProfileProperties profiles;

	private final ZoneId shopZone;

	private final Clock clock;

	LoyaltyScan(ProfileStore store, EventSink events, ScheduledRuns runs, PointsLedger ledger, LoyaltyExtension loyalty,
			Tiers tiers, LoyaltyProperties properties, ProfileProperties profiles, JourneyProperties journeys,
			Clock clock) {
		this.store = store;
		this.events = events;
		this.runs = runs;
		this.ledger = ledger;
		this.loyalty = loyalty;
		this.tiers = tiers;
		this.properties = properties;
		this.profiles = profiles;
		this.shopZone = journeys.defaultTimeZone();
		this.clock = clock;
	}

	/** How often a node asks whether today's scan is due ({@link LoyaltySchedule}). */
	public Duration checkEvery() {
		return this.properties.checkEvery();
	}

	/** Scans when no node has scanned today (UTC); whether this call did. */
	public boolean runIfDue() {
		if (!this.runs.claim(TASK, LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString())) {
			return false;
		}
		scan();
		return true;
	}

	/** Scans now; the number of events applied. */
	public int scan() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.shopZone);
		AtomicInteger emitted = new AtomicInteger();
		this.store.forEach((profile) -> {
			reviewTier(profile, now, today, emitted);
			celebrate(profile, now, today, emitted);
		});
		for (String customer : this.ledger.withExpiredPoints(now)) {
			long points = PointLots.of(this.ledger.forCustomer(customer)).expiredBy(now);
			if (points > 0) {
				count(emit(event("expired", customer, today.toString(), EventNames.POINTS_EXPIRED, now,
						Map.of("points", points))), emitted);
			}
		}
		Duration window = this.properties.points().remindBefore();
		for (String customer : this.ledger.withPointsExpiringBetween(now, now.plus(window))) {
			remind(customer, now, window, emitted);
		}
		log.info("Loyalty scan done: {} events", emitted.get());
		return emitted.get();
	}

	private void reviewTier(CustomerProfile profile, Instant now, LocalDate today, AtomicInteger emitted) {
		String tier = this.loyalty.state(profile).tier();
		if (tier != null && !tier.equals(this.tiers.evaluate(profile, now))) {
			count(emit(event("review", profile.customerId(), today.toString(), EventNames.TIER_REVIEWED, now,
					Map.of("reason", "days since the last visit"))), emitted);
		}
	}

	private void celebrate(CustomerProfile profile, Instant now, LocalDate today, AtomicInteger emitted) {
		Instant first = profile.orders().stats(this.profiles.priceBands()).firstOrderAt();
		if (first == null) {
			return;
		}
		LocalDate since = LocalDate.ofInstant(first, this.shopZone);
		int years = today.getYear() - since.getYear();
		MonthDay day = MonthDay.from(since);
		boolean leapDayInOtherYear = day.equals(MonthDay.of(2, 29)) && !today.isLeapYear()
				&& MonthDay.from(today).equals(MonthDay.of(2, 28));
		if (years >= 1 && (day.equals(MonthDay.from(today)) || leapDayInOtherYear)) {
			count(emit(event("anniversary", profile.customerId(), Integer.toString(years),
					EventNames.MEMBERSHIP_ANNIVERSARY, now, Map.of("years", years, "memberSince", since.toString()))),
					emitted);
		}
	}

	private void remind(String customer, Instant now, Duration window, AtomicInteger emitted) {
		PointLots lots = PointLots.of(this.ledger.forCustomer(customer));
		long points = lots.expiringBy(now, now.plus(window));
		if (points <= 0) {
			return;
		}
		// Keyed by the window-long span the first of the points expire in: each point is
		// reminded of once, and a customer earning every day is not reminded every day
		// (points expiring later in that span were within the window when it was sent).
		Instant first = lots.next(now).at();
		long span = LocalDate.ofInstant(first, ZoneOffset.UTC).toEpochDay() / Math.max(1, window.toDays());
		count(emit(
				event("expiring", customer, Long.toString(span), EventNames.POINTS_EXPIRING, now,
						Map.of("points", points, "expiresAt", first.toString(), "expiresOn",
								LocalDate.ofInstant(first, this.shopZone).toString(), "balance", lots.balance()))),
				emitted);
	}

	private boolean emit(CustomerEvent event) {
		try {
			return this.events.process(event) == EventSink.Outcome.APPLIED;
		}
		catch (RuntimeException ex) {
			// One customer's trouble must not stop the scan; the next scan tries again.
			log.warn("{} for customer={} not applied: {}", event.name(), event.customerId(), ex.toString());
			return false;
		}
	}

	private static void count(boolean applied, AtomicInteger emitted) {
		if (applied) {
			emitted.incrementAndGet();
		}
	}

	private static CustomerEvent event(String kind, String customer, String slot, String name, Instant now,
			Map<String, Object> properties) {
		String id = kind + "|" + customer + "|" + slot;
		String messageId = "loyalty-" + kind + "-" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
		return new CustomerEvent(messageId, EventType.TRACK, name, customer, now, properties, Map.of(),
				EventNames.INTERNAL_SOURCE);
	}

}
