package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.DecisionTables;

/**
 * How many points an order earns, by the rules marketers edit in
 * {@code journeys/loyalty-points.dmn}: its total × points per currency unit for the
 * customer's tier ({@code LoyaltyPointsRate}) × the promotional multiplier for the
 * order's date ({@code LoyaltyPointsMultiplier}), rounded down to whole points.
 */
@Component
class PointsRules {

	static final String RATE = "LoyaltyPointsRate";

	static final String MULTIPLIER = "LoyaltyPointsMultiplier";

	private final DecisionTables tables;

	PointsRules(DecisionTables tables) {
		this.tables = tables;
	}

	long pointsFor(BigDecimal amount, String tier, LocalDate orderDate) {
		if (amount.signum() <= 0) {
			return 0;
		}
		BigDecimal rate = number(RATE, Map.of("tier", tier == null ? "" : tier));
		// As text: FEEL's date() reads it, and no Java date goes into the engine's
		// variables.
		BigDecimal multiplier = number(MULTIPLIER, Map.of("orderDate", orderDate.toString()));
		return amount.multiply(rate).multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
	}

	private BigDecimal number(String decision, Map<String, Object> inputs) {
		Object value = this.tables.evaluate(decision, inputs).getSingleEntry();
		return new BigDecimal(String.valueOf(value));
	}

}
