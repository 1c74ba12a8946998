package dev.encore.engine.loyalty;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default earning rules of {@code journeys/loyalty-points.dmn}: points per currency
 * unit by tier, and the promotional multiplier by the order's date (the Double 12
 * example, both days included).
 */
class LoyaltyPointsTableTest {

	private static final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static final Map<String, DmnDecision> decisions = new HashMap<>();

	@BeforeAll
	static void parse() throws Exception {
		try (InputStream in = LoyaltyPointsTableTest.class.getResourceAsStream("/journeys/loyalty-points.dmn")) {
			dmn.parseDecisions(in).forEach((decision) -> decisions.put(decision.getKey(), decision));
		}
	}

	@ParameterizedTest(name = "{0} -> {1} points per unit")
	@CsvSource({ "vip,2.0", "gold,1.5", "silver,1.2", "member,1.0", "platinum,1.0", "'',1.0" })
	void pointsPerCurrencyUnitByTier(String tier, double rate) {
		assertThat(evaluate(PointsRules.RATE, "tier", tier)).isEqualTo(rate);
	}

	@ParameterizedTest(name = "{0} -> x{1}")
	@CsvSource({ "2026-12-11,1.0", "2026-12-12,2.0", "2026-12-13,2.0", "2026-12-14,1.0", "2027-12-12,1.0" })
	void doublePointsOnDoubleTwelve(String orderDate, double multiplier) {
		assertThat(evaluate(PointsRules.MULTIPLIER, "orderDate", orderDate)).isEqualTo(multiplier);
	}

	private static Object evaluate(String decision, String input, Object value) {
		Object result = dmn.evaluateDecisionTable(decisions.get(decision), Map.of(input, value)).getSingleEntry();
		return ((Number) result).doubleValue();
	}

}
