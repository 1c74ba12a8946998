package dev.encore.engine.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.DecisionTables;

/**
 * Scores customers with the RFM decisions marketers edit in
 * {@code journeys/rfm-segment.dmn} (deployed with the journeys, latest version). Recency
 * moves with time, so scores are computed when read rather than stored.
 */
@Component
class RfmSegments {

	/** The decision journeys call from a business rule task. */
	public static final String SEGMENT_DECISION = "RfmSegment";

	private final DecisionTables tables;

	RfmSegments(DecisionTables tables) {
		this.tables = tables;
	}

	public Rfm of(OrderStats stats, Instant now) {
		if (stats.orderCount() == 0) {
			return Rfm.NONE;
		}
		Map<String, Object> inputs = inputs(stats, now);
		return new Rfm(score("RfmRecencyScore", inputs), score("RfmFrequencyScore", inputs),
				score("RfmMonetaryScore", inputs),
				this.tables.evaluate(SEGMENT_DECISION, inputs).getSingleResult().getSingleEntry());
	}

	/**
	 * The decisions' inputs: {@code daysSinceLastOrder}, {@code orderCount},
	 * {@code netRevenue}.
	 */
	static Map<String, Object> inputs(OrderStats stats, Instant now) {
		return Map.of("daysSinceLastOrder", daysSince(stats.lastOrderAt(), now), "orderCount", stats.orderCount(),
				"netRevenue", stats.netRevenue().doubleValue());
	}

	static long daysSince(Instant at, Instant now) {
		return at == null ? Long.MAX_VALUE : Math.max(0, Duration.between(at, now).toDays());
	}

	private int score(String decision, Map<String, Object> inputs) {
		Object score = this.tables.evaluate(decision, inputs).getSingleEntry();
		return ((Number) score).intValue();
	}

}
