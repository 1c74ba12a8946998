package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Quintile cut points of the customer base for the three RFM score tables, four per table
 * (the fifth rule catches the rest), strictly increasing so every score stays reachable
 * even when most customers look alike (one order).
 */
record RfmThresholds(List<BigDecimal> recencyDays, List<BigDecimal> orderCounts, List<BigDecimal> netRevenues) {

	static RfmThresholds quintiles(List<OrderStats> customers, Instant now) {
		return new RfmThresholds(
				cuts(customers, (stats) -> BigDecimal.valueOf(RfmSegments.daysSince(stats.lastOrderAt(), now)),
						BigDecimal.ZERO, BigDecimal.ONE, 0),
				cuts(customers, (stats) -> BigDecimal.valueOf(stats.orderCount()), BigDecimal.valueOf(2),
						BigDecimal.ONE, 0),
				cuts(customers, OrderStats::netRevenue, new BigDecimal("0.01"), new BigDecimal("0.01"), 2));
	}

	/**
	 * Writes the cut points into the score tables of an {@code rfm-segment.dmn} model:
	 * recency {@code <= d1 .. <= d4} (scores 5..2), frequency and monetary
	 * {@code >= c4 .. >= c1} (scores 5..2). A model whose tables were reshaped is left
	 * alone.
	 */
	boolean applyTo(DmnModelInstance model) {
		List<Rule> recency = rules(model, "RfmRecencyScore");
		List<Rule> frequency = rules(model, "RfmFrequencyScore");
		List<Rule> monetary = rules(model, "RfmMonetaryScore");
		if (recency.size() != 5 || frequency.size() != 5 || monetary.size() != 5) {
			return false;
		}
		for (int i = 0; i < 4; i++) {
			set(recency.get(i), "<= " + this.recencyDays.get(i).toPlainString());
			set(frequency.get(i), ">= " + this.orderCounts.get(3 - i).toPlainString());
			set(monetary.get(i), ">= " + this.netRevenues.get(3 - i).toPlainString());
		}
		return true;
	}

	private static List<BigDecimal> cuts(List<OrderStats> customers, Function<OrderStats, BigDecimal> value,
			BigDecimal floor, BigDecimal step, int scale) {
		List<BigDecimal> sorted = customers.stream().map(value).sorted().toList();
		List<BigDecimal> cuts = new ArrayList<>();
		BigDecimal previous = null;
		for (int quintile = 1; quintile <= 4; quintile++) {
			BigDecimal cut = sorted.get((int) Math.floor(quintile / 5.0 * (sorted.size() - 1)))
				.setScale(scale, RoundingMode.HALF_UP)
				.max(previous == null ? floor : previous.add(step));
			cuts.add(cut);
			previous = cut;
		}
		return List.copyOf(cuts);
	}

	private static List<Rule> rules(DmnModelInstance model, String decisionId) {
		Decision decision = model.getModelElementById(decisionId);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
			return List.of();
		}
		Collection<Rule> rules = table.getRules();
		return new ArrayList<>(rules);
	}

	private static void set(Rule rule, String test) {
		rule.getInputEntries().iterator().next().getText().setTextContent(test);
	}

}
