package dev.encore.engine.profile;

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
 * The thresholds in {@code journeys/rfm-segment.dmn}, each boundary from both sides: a
 * marketer moving one sees exactly which test states the old value.
 */
class RfmSegmentTableTest {

	private static final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static Map<String, DmnDecision> decisions;

	@BeforeAll
	static void parse() throws Exception {
		try (InputStream in = RfmSegmentTableTest.class.getResourceAsStream("/journeys/rfm-segment.dmn")) {
			decisions = new java.util.HashMap<>();
			dmn.parseDecisions(in).forEach((decision) -> decisions.put(decision.getKey(), decision));
		}
	}

	private static Object evaluate(String decision, String input, Object value) {
		return dmn.evaluateDecisionTable(decisions.get(decision), Map.of(input, value)).getSingleEntry();
	}

	@ParameterizedTest(name = "{0} days since the last order -> R {1}")
	@CsvSource({ "0,5", "30,5", "31,4", "90,4", "91,3", "180,3", "181,2", "365,2", "366,1", "5000,1" })
	void recencyScore(long days, int score) {
		assertThat(evaluate("RfmRecencyScore", "daysSinceLastOrder", days)).isEqualTo(score);
	}

	@ParameterizedTest(name = "{0} orders -> F {1}")
	@CsvSource({ "1,1", "2,2", "3,3", "4,3", "5,4", "9,4", "10,5", "100,5" })
	void frequencyScore(int orders, int score) {
		assertThat(evaluate("RfmFrequencyScore", "orderCount", orders)).isEqualTo(score);
	}

	@ParameterizedTest(name = "{0} net revenue -> M {1}")
	@CsvSource({ "0,1", "49.99,1", "50,2", "199.99,2", "200,3", "499.99,3", "500,4", "999.99,4", "1000,5" })
	void monetaryScore(double revenue, int score) {
		assertThat(evaluate("RfmMonetaryScore", "netRevenue", revenue)).isEqualTo(score);
	}

	@ParameterizedTest(name = "{0} days, {1} orders, {2} revenue -> {3}")
	@CsvSource({ "90,5,500,champions", "91,5,500,loyal", "30,4,500,loyal", "30,5,499.99,loyal", "30,3,0,loyal",
			"30,2,0,potential", "180,3,0,loyal", "181,3,0,at risk", "180,2,0,potential", "181,2,5000,hibernating",
			"365,1,0,hibernating", "366,2,0,lost", "366,3,0,at risk" })
	void segmentFromTheScores(long days, int orders, double revenue, String segment) {
		Object actual = dmn
			.evaluateDecision(decisions.get("RfmSegment"),
					Map.of("daysSinceLastOrder", days, "orderCount", orders, "netRevenue", revenue))
			.getSingleEntry();
		assertThat(actual).isEqualTo(segment);
	}

}
