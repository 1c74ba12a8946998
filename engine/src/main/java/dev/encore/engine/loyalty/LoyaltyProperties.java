package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The loyalty programme ({@code encore.loyalty.*}); each default is written here once.
 * Tier thresholds and earning rates are not here: they live in
 * {@code journeys/loyalty-tier.dmn} and {@code journeys/loyalty-points.dmn}, where
 * marketers edit them. See docs/loyalty.md.
 *
 * @param scheduled whether this node looks for a due daily loyalty scan every
 * {@code checkEvery} (tier decay, points expiry and reminders, anniversaries); each day's
 * scan runs on one node only
 * @param checkEvery how often a node asks whether today's scan is due
 * @param points how points expire and what the anniversary gives
 * @param perks per tier (the tier table's output, e.g. {@code gold}); a tier configured
 * here replaces that tier's default perks entirely, and a tier with none has none. The
 * defaults: {@code member} nothing; {@code silver} free shipping from 100, 50 birthday
 * points; {@code gold} free shipping from 50, 24 h early access, 100 birthday points;
 * {@code vip} free shipping always, 48 h early access, 200 birthday points
 */
@Validated
@ConfigurationProperties("encore.loyalty")
public record LoyaltyProperties(@DefaultValue("true") boolean scheduled, @DefaultValue("PT1H") Duration checkEvery,
		@Valid @DefaultValue Points points, Map<String, @Valid Perks> perks) {

	private static final Map<String, Perks> DEFAULT_PERKS = Map.of("member", Perks.NONE, "silver",
			new Perks(BigDecimal.valueOf(100), 0, 50), "gold", new Perks(BigDecimal.valueOf(50), 24, 100), "vip",
			new Perks(BigDecimal.ZERO, 48, 200));

	public LoyaltyProperties {
		Map<String, Perks> merged = new LinkedHashMap<>(DEFAULT_PERKS);
		if (perks != null) {
			merged.putAll(perks);
		}
		perks = Map.copyOf(merged);
	}

	/** The tier's perks; none for a tier nobody configured. */
	public Perks perksOf(String tier) {
		return tier == null ? Perks.NONE : this.perks.getOrDefault(tier, Perks.NONE);
	}

	/**
	 * @param expireAfter how long earned points stay usable (from the event that earned
	 * them); the oldest are spent first
	 * @param remindBefore how long before points expire the daily scan emits
	 * {@code Points Expiring} (at most once per customer in that span)
	 * @param anniversaryBonus points given on each anniversary of the first order
	 * ({@code Membership Anniversary}; 0: none)
	 */
	public record Points(@DefaultValue("P365D") Duration expireAfter, @DefaultValue("P30D") Duration remindBefore,
			@DefaultValue("100") @Min(0) int anniversaryBonus) {
	}

}
