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
	 * {@code profile.rfm.segment} resolves, {@code rfm} scored only if read; an unknown
	 * customer reads as a prospect.
	 */
	public Map<String, Object> journeyData(String customerId) {
		CustomerProfile profile = this.store.find(customerId).orElseGet(() -> CustomerProfile.empty(customerId));
		Instant now = this.clock.instant();
		OrderStats stats = stats(profile);
		Map<String, Object> data = this.json.convertValue(view(profile, stats, null, now), MAP);
		return new LazyRfmData(data, () -> this.json.convertValue(this.rfm.of(stats, now), MAP));
	}

	CustomerView view(CustomerProfile profile) {
		Instant now = this.clock.instant();
		OrderStats stats = stats(profile);
		return view(profile, stats, this.rfm.of(stats, now), now);
	}

	private OrderStats stats(CustomerProfile profile) {
		return profile.orders().stats(this.properties.priceBands());
	}

	private CustomerView view(CustomerProfile profile, OrderStats stats, Rfm rfm, Instant now) {
		ChurnRisk risk = ChurnRisk.of(profile, stats, now, this.properties.churn());
		return new CustomerView(profile.customerId(), profile.email(), profile.phone(), profile.firstName(),
				profile.lastName(), profile.locale(), profile.timeZone(), profile.lineUserId(), profile.birthday(),
				profile.traits(), profile.cart(), profile.consents(), stats, profile.engagement(),
				this.lifecycle.stageOf(profile, stats).id(), risk.lapsed(), profile.lifecycle().advocateSince(),
				profile.sunset(), profile.lifecycle().sunsetSince(), rfm, risk,
				stats.lastOrderAt() == null ? null : RfmSegments.daysSince(stats.lastOrderAt(), now),
				stats.orderCount(), stats.netRevenue());
	}

}
