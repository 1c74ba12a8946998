package dev.encore.engine.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Profiles with their derived parts (stage, RFM, churn signals) and the sections of the
 * features that extend them ({@link ProfileExtension}: loyalty, interests) as of now.
 */
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

	private final List<ProfileExtension> extensions;

	ProfileViews(ProfileStore store, Lifecycle lifecycle, RfmSegments rfm, ProfileProperties properties, Clock clock,
			ObjectMapper json, List<ProfileExtension> extensions) {
		this.extensions = List.copyOf(extensions);
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
	 * The view as journeys' expressions read it: nested maps and lists, so that
	 * {@code profile.rfm.segment} and {@code profile.interests.topCategories[0]} resolve;
	 * {@code rfm} and the extensions' sections are worked out only if read. An unknown
	 * customer reads as a prospect.
	 */
	public Map<String, Object> journeyData(String customerId) {
		CustomerProfile profile = this.store.find(customerId).orElseGet(() -> CustomerProfile.empty(customerId));
		Instant now = this.clock.instant();
		OrderStats stats = stats(profile);
		Map<String, Object> data = this.json.convertValue(view(profile, stats, null, now, Map.of()), MAP);
		Map<String, Supplier<Object>> lazy = new LinkedHashMap<>();
		lazy.put("rfm", () -> this.json.convertValue(this.rfm.of(stats, now), MAP));
		for (ProfileExtension extension : this.extensions) {
			lazy.put(extension.name(), () -> this.json.convertValue(extension.view(profile, now), Object.class));
		}
		return new LazyProfileData(data, lazy);
	}

	CustomerView view(CustomerProfile profile) {
		Instant now = this.clock.instant();
		OrderStats stats = stats(profile);
		Map<String, Object> sections = new LinkedHashMap<>();
		this.extensions.forEach((extension) -> sections.put(extension.name(), extension.view(profile, now)));
		return view(profile, stats, this.rfm.of(stats, now), now, sections);
	}

	private OrderStats stats(CustomerProfile profile) {
		return profile.orders().stats(this.properties.priceBands());
	}

	private CustomerView view(CustomerProfile profile, OrderStats stats, Rfm rfm, Instant now,
			Map<String, Object> sections) {
		ChurnRisk risk = ChurnRisk.of(profile, stats, now, this.properties.churn());
		return new CustomerView(profile.customerId(), profile.email(), profile.phone(), profile.firstName(),
				profile.lastName(), profile.locale(), profile.timeZone(), profile.lineUserId(), profile.birthday(),
				profile.traits(), profile.cart(), profile.consents(), stats, profile.engagement(),
				this.lifecycle.stageOf(profile, stats).id(), risk.lapsed(), profile.lifecycle().advocateSince(),
				profile.sunset(), profile.lifecycle().sunsetSince(), rfm, risk,
				stats.lastOrderAt() == null ? null : RfmSegments.daysSince(stats.lastOrderAt(), now),
				stats.orderCount(), stats.netRevenue(), sections);
	}

}
