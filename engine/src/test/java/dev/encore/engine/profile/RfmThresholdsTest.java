package dev.encore.engine.profile;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Quintile recalibration of the RFM score tables. */
class RfmThresholdsTest {

	private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

	/** 100 customers: last order 1..100 days ago, 1..5 orders, 10..1000 revenue. */
	private static List<OrderStats> customerBase() {
		List<OrderStats> base = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			base.add(new OrderStats(1 + (i - 1) / 20, BigDecimal.valueOf(i * 10L), null, NOW.minus(Duration.ofDays(i)),
					null, null, 0, 0, 0, List.of(), null));
		}
		return base;
	}

	@Test
	void cutPointsAreTheQuintilesStrictlyIncreasing() {
		RfmThresholds thresholds = RfmThresholds.quintiles(customerBase(), NOW);

		assertThat(thresholds.recencyDays()).extracting(BigDecimal::intValue).containsExactly(20, 40, 60, 80);
		assertThat(thresholds.orderCounts()).extracting(BigDecimal::intValue).containsExactly(2, 3, 4, 5);
		assertThat(thresholds.netRevenues()).extracting(BigDecimal::intValue).containsExactly(200, 400, 600, 800);
	}

	@Test
	void oneOrderCustomersStillScoreOneWhenAlmostEveryoneOrderedOnce() {
		List<OrderStats> base = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			base.add(new OrderStats(i < 95 ? 1 : 4, BigDecimal.TEN, null, NOW, null, null, 0, 0, 0, List.of(), null));
		}

		assertThat(RfmThresholds.quintiles(base, NOW).orderCounts()).extracting(BigDecimal::intValue)
			.containsExactly(2, 3, 4, 5);
	}

	@Test
	void recalibratedTablesScoreByTheNewBoundaries() throws Exception {
		DmnModelInstance model;
		try (InputStream in = getClass().getResourceAsStream("/journeys/rfm-segment.dmn")) {
			model = Dmn.readModelFromStream(in);
		}

		assertThat(RfmThresholds.quintiles(customerBase(), NOW).applyTo(model)).isTrue();

		DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		Map<String, DmnDecision> decisions = new java.util.HashMap<>();
		dmn.parseDecisions(model).forEach((decision) -> decisions.put(decision.getKey(), decision));
		assertThat(score(dmn, decisions, "RfmRecencyScore", "daysSinceLastOrder", 20)).isEqualTo(5);
		assertThat(score(dmn, decisions, "RfmRecencyScore", "daysSinceLastOrder", 21)).isEqualTo(4);
		assertThat(score(dmn, decisions, "RfmRecencyScore", "daysSinceLastOrder", 81)).isEqualTo(1);
		assertThat(score(dmn, decisions, "RfmFrequencyScore", "orderCount", 1)).isEqualTo(1);
		assertThat(score(dmn, decisions, "RfmFrequencyScore", "orderCount", 5)).isEqualTo(5);
		assertThat(score(dmn, decisions, "RfmMonetaryScore", "netRevenue", 799.99)).isEqualTo(4);
		assertThat(score(dmn, decisions, "RfmMonetaryScore", "netRevenue", 800.0)).isEqualTo(5);
	}

	private static Object score(DmnEngine dmn, Map<String, DmnDecision> decisions, String decision, String input,
			Object value) {
		return dmn.evaluateDecisionTable(decisions.get(decision), Map.of(input, value)).getSingleEntry();
	}

}
