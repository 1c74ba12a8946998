package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A customer's standing in the loyalty programme as the storefront ({@code GET
 * /api/v1/customers/{id}/loyalty}), support and journeys ({@code profile.loyalty}) read
 * it.
 *
 * @param tier the tier held now ({@code member}, {@code silver}, {@code gold},
 * {@code vip} by default)
 * @param tierSince when the customer reached it
 * @param points the balance
 * @param pointsExpiring the points that expire next (all of that day, UTC); 0 when none
 * will
 * @param pointsExpiringAt when the first of them expires
 * @param perks what the tier gives
 * @param nextTier the tier one rank above; null at the top
 * @param missing what the customer lacks to reach {@code nextTier}: per input of the tier
 * table, how far it is short (positive: to rise by, e.g. {@code netSpend} 120.00 more;
 * negative: to fall by, e.g. {@code daysSinceLastVisit}, which a visit resets); null when
 * the table's rules for it cannot be read
 */
public record LoyaltyView(String tier, Instant tierSince, long points, long pointsExpiring, Instant pointsExpiringAt,
		Perks perks, String nextTier, Map<String, BigDecimal> missing) {
}
