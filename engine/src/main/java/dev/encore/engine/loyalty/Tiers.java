package dev.encore.engine.loyalty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventType;
import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileProperties;

/**
 * Works out a customer's tier when an event changes its inputs (an order, a refund, a
 * visit, or the daily scan's {@code Tier Reviewed} as days since the last visit grow). A
 * change is written to {@code encore_tier_change} and announced as the internal event
 * {@code Tier Changed}, in the event's transaction.
 */
@Component
class Tiers {

	private static final Logger log = LoggerFactory.getLogger(Tiers.class);

	/** The events that change the table's inputs. */
	static final Set<String> INPUT_EVENTS = Set.of("Order Completed", "Order Refunded", "Site Visited",
			EventNames.TIER_REVIEWED);

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final TierTable table;

	private final TierChanges changes;

	private final LoyaltyProperties properties;

	private final ProfileProperties profiles;

	private final ZoneId shopZone;

	private final Clock clock;

	private final ObjectMapper json;

	Tiers(TierTable table, TierChanges changes, LoyaltyProperties properties, ProfileProperties profiles,
			JourneyProperties journeys, Clock clock, ObjectMapper json) {
		this.table = table;
		this.changes = changes;
		this.properties = properties;
		this.profiles = profiles;
		this.shopZone = journeys.defaultTimeZone();
		this.clock = clock;
		this.json = json;
	}

	/** The customer's tier inputs as of now. */
	TierInputs inputs(CustomerProfile profile, Instant now) {
		return TierInputs.of(profile, profile.orders().stats(this.profiles.priceBands()), zoneOf(profile), now);
	}

	/** The tier the table gives the customer now, whatever the profile holds. */
	String evaluate(CustomerProfile profile, Instant now) {
		return this.table.tierOf(inputs(profile, now));
	}

	/**
	 * The tier state after the event, and the {@code Tier Changed} it implies (empty when
	 * the tier stays).
	 */
	Result apply(CustomerProfile profile, TierState state, CustomerEvent event) {
		if (event.type() != EventType.TRACK || !INPUT_EVENTS.contains(event.name())) {
			return new Result(state, Optional.empty());
		}
		Instant now = this.clock.instant();
		String tier = evaluate(profile, now);
		if (!tier.equals(state.tier())) {
			TierState next = state.changedTo(tier, now, event.messageId());
			log.info("Tier of customer={} changed from {} to {}", event.customerId(), state.tier(), tier);
			return new Result(next, Optional.of(announce(event, next, now)));
		}
		if (event.messageId().equals(state.changedBy())) {
			// The same event again after its transaction rolled back and the profile
			// could
			// not be restored (Redis gone): the profile holds the change; the report and
			// the journeys do not.
			return new Result(state, Optional.of(announce(event, state, now)));
		}
		return new Result(state, Optional.empty());
	}

	private CustomerEvent announce(CustomerEvent cause, TierState state, Instant now) {
		this.changes.record(cause.customerId(), state.previous(), state.tier(), now);
		Map<String, Object> properties = new LinkedHashMap<>();
		if (state.previous() != null) {
			properties.put("from", state.previous());
		}
		properties.put("to", state.tier());
		properties.put("direction", this.table.ladder().direction(state.previous(), state.tier()));
		properties.put("perks", this.json.convertValue(this.properties.perksOf(state.tier()), MAP));
		properties.put("cause", cause.messageId());
		// Derived from the causing event's id, so a replay is deduplicated like any
		// event.
		String messageId = "tier-" + UUID.nameUUIDFromBytes(cause.messageId().getBytes(StandardCharsets.UTF_8));
		return new CustomerEvent(messageId, EventType.TRACK, EventNames.TIER_CHANGED, cause.customerId(),
				cause.timestamp(), properties, Map.of(), EventNames.INTERNAL_SOURCE);
	}

	private ZoneId zoneOf(CustomerProfile profile) {
		try {
			return profile.timeZone() == null ? this.shopZone : ZoneId.of(profile.timeZone());
		}
		catch (DateTimeException ex) {
			return this.shopZone;
		}
	}

	record Result(TierState state, Optional<CustomerEvent> changed) {
	}

}
