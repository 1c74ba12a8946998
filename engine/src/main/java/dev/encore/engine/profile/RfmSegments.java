package dev.encore.engine.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * Scores customers with the RFM decisions marketers edit in
 * {@code journeys/rfm-segment.dmn} (deployed with the journeys, latest version). Recency
 * moves with time, so scores are computed when read rather than stored.
 */
@Component
class RfmSegments {

	/** The decision journeys call from a business rule task. */
	public static final String SEGMENT_DECISION = "RfmSegment";

	private final DecisionService decisions;

	RfmSegments(DecisionService decisions) {
		this.decisions = decisions;
	}

	public Rfm of(OrderStats stats, Instant now) {
		if (stats.orderCount() == 0) {
			return Rfm.NONE;
		}
		VariableMap inputs = inputs(stats, now);
		return new Rfm(score("RfmRecencyScore", inputs), score("RfmFrequencyScore", inputs),
				score("RfmMonetaryScore", inputs),
				this.decisions.evaluateDecisionByKey(SEGMENT_DECISION)
					.variables(inputs)
					.evaluate()
					.getSingleResult()
					.getSingleEntry());
	}

	/**
	 * The decisions' inputs: {@code daysSinceLastOrder}, {@code orderCount},
	 * {@code netRevenue}.
	 */
	static VariableMap inputs(OrderStats stats, Instant now) {
		return Variables.fromMap(Map.of("daysSinceLastOrder", daysSince(stats.lastOrderAt(), now), "orderCount",
				stats.orderCount(), "netRevenue", stats.netRevenue().doubleValue()));
	}

	static long daysSince(Instant at, Instant now) {
		return at == null ? Long.MAX_VALUE : Math.max(0, Duration.between(at, now).toDays());
	}

	private int score(String decision, VariableMap inputs) {
		Object score = this.decisions.evaluateDecisionTableByKey(decision, inputs).getSingleEntry();
		return ((Number) score).intValue();
	}

}
