package dev.encore.engine.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.profile.ExtensionState;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileExtension;

/**
 * The loyalty programme's part of the profile ({@code profile.loyalty}): the tier lives
 * in the profile ({@link TierState}), points in the ledger. Each event first moves the
 * tier ({@link Tiers}), then the points at the tier it leaves the customer in
 * ({@link Points}), all in the event's transaction.
 */
@Component
@Order(1)
class LoyaltyExtension implements ProfileExtension {

	static final String NAME = "loyalty";

	private final Tiers tiers;

	private final Points points;

	private final LoyaltyViews views;

	private final Clock clock;

	private final ExtensionState<TierState> state;

	LoyaltyExtension(Tiers tiers, Points points, LoyaltyViews views, Clock clock, ObjectMapper json) {
		this.tiers = tiers;
		this.points = points;
		this.views = views;
		this.clock = clock;
		this.state = new ExtensionState<>(json, NAME, TierState.class, TierState.NONE);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Applied apply(CustomerProfile profile, CustomerEvent event) {
		TierState before = state(profile);
		Tiers.Result tier = this.tiers.apply(profile, before, event);
		CustomerProfile updated = tier.state().equals(before) ? profile : this.state.put(profile, tier.state());
		this.points.apply(updated, tier.state().tier(), event);
		return new Applied(updated, tier.changed().map(List::of).orElse(List.of()));
	}

	@Override
	public Object view(CustomerProfile profile, Instant now) {
		return this.views.of(profile, state(profile), now);
	}

	/** The loyalty of a customer as of now. */
	LoyaltyView view(CustomerProfile profile) {
		return this.views.of(profile, state(profile), this.clock.instant());
	}

	TierState state(CustomerProfile profile) {
		return this.state.of(profile);
	}

}
