package dev.encore.engine.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/** Profiles with their derived parts (stage, RFM, churn signals) as of now. */
@Component
public class ProfileViews {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ProfileStore store;

	private final Lifecycle lifecycle;

	private final RfmSegments rfm;

	private final ProfileProperties properties;

	private final Clock clock;

	private final ObjectMapper json;

	ProfileViews(ProfileStore store, Lifecycle lifecycle, RfmSegments rfm, ProfileProperties properties, Clock clock,
			ObjectMapper json) {
		this.store = store;
		this.lifecycle = lifecycle;
		this.rfm = rfm;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	public Optional<CustomerView> find(String customerId) {
		return this.store.find(customerId).map(this::view);
	}

	/**
	 * The view as journeys' expressions read it: nested maps, so that
	 * {@code profile.rfm.segment} resolves; an unknown customer reads as a prospect.
	 */
	public Map<String, Object> journeyData(String customerId) {
		CustomerView view = view(this.store.find(customerId).orElseGet(() -> CustomerProfile.empty(customerId)));
		return this.json.convertValue(view, MAP);
	}

	CustomerView view(CustomerProfile profile) {
		Instant now = this.clock.instant();
		OrderStats stats = profile.orders().stats(this.properties.priceBands());
		ChurnRisk risk = ChurnRisk.of(profile, stats, now, this.properties.churn());
		return new CustomerView(profile.customerId(), profile.email(), profile.phone(), profile.firstName(),
				profile.lastName(), profile.locale(), profile.timeZone(), profile.lineUserId(), profile.birthday(),
				profile.traits(), profile.cart(), profile.consents(), stats, profile.engagement(),
				this.lifecycle.stageOf(profile, stats).id(), risk.lapsed(), profile.lifecycle().advocateSince(),
				profile.sunset(), profile.lifecycle().sunsetSince(), this.rfm.of(stats, now), risk,
				stats.lastOrderAt() == null ? null : RfmSegments.daysSince(stats.lastOrderAt(), now),
				stats.orderCount(), stats.netRevenue());
	}

}
