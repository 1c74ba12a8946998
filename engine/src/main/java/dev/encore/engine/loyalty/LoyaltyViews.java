package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.profile.CustomerProfile;

/**
 * Puts a customer's {@link LoyaltyView} together: the tier the profile holds (worked out
 * now for a customer who has none yet), the ledger's balance and next expiry, the tier's
 * perks, and the next tier with what is missing by the tier table's rules
 * ({@link TierLadder}).
 */
@Component
class LoyaltyViews {

	private final Tiers tiers;

	private final TierTable table;

	private final PointsLedger ledger;

	private final LoyaltyProperties properties;

	LoyaltyViews(Tiers tiers, TierTable table, PointsLedger ledger, LoyaltyProperties properties) {
		this.tiers = tiers;
		this.table = table;
		this.ledger = ledger;
		this.properties = properties;
	}

	LoyaltyView of(CustomerProfile profile, TierState state, Instant now) {
		TierInputs inputs = this.tiers.inputs(profile, now);
		String tier = state.tier() != null ? state.tier() : this.table.tierOf(inputs);
		PointLots lots = PointLots.of(this.ledger.forCustomer(profile.customerId()));
		PointLots.Expiring expiring = lots.next(now);
		TierLadder ladder = this.table.ladder();
		String next = ladder.next(tier);
		Map<String, BigDecimal> missing = next == null ? null : ladder.missing(next, inputs);
		return new LoyaltyView(tier, state.since(), lots.balance(), expiring == null ? 0 : expiring.points(),
				expiring == null ? null : expiring.at(), this.properties.perksOf(tier), next, missing);
	}

}
