package dev.encore.engine.loyalty;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default tiers of {@code journeys/loyalty-tier.dmn}, each threshold from both sides:
 * a marketer moving one sees exactly which test states the old value (docs/loyalty.md
 * lists them).
 */
class LoyaltyTierTableTest {

	private static final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static DmnDecision tiers;

	@BeforeAll
	static void parse() throws Exception {
		try (InputStream in = LoyaltyTierTableTest.class.getResourceAsStream("/journeys/loyalty-tier.dmn")) {
			tiers = dmn.parseDecision(TierTable.DECISION, in);
		}
	}

	@ParameterizedTest(name = "{0} days since a visit, {1} purchase days, {2} spent, {3} orders -> {4}")
	@CsvSource({ "90,5,1000,5,vip", "91,5,1000,5,gold", "90,4,1000,5,gold", "90,5,999.99,5,gold", "180,3,400,3,gold",
			"181,3,400,3,silver", "180,2,400,3,silver", "180,3,399.99,3,silver", "365,1,100,1,silver",
			"366,1,100,1,member", "365,1,99.99,1,member", "365,2,20,2,silver", "365,1,20,1,member", "0,0,0,0,member",
			"36500,0,0,0,member" })
	void tierFromVisitsPurchaseDaysSpendAndOrders(long days, int purchaseDays, double netSpend, int orders,
			String tier) {
		Object actual = dmn
			.evaluateDecisionTable(tiers, Map.of("daysSinceLastVisit", days, "purchaseDays", purchaseDays, "netSpend",
					netSpend, "orderCount", orders))
			.getSingleEntry();
		assertThat(actual).isEqualTo(tier);
	}

}
