package dev.encore.engine.profile;

/**
 * Recency, frequency and monetary scores (1–5) and the segment they put the customer in,
 * from {@code journeys/rfm-segment.dmn}. A customer without a counted order has no scores
 * (0) and the segment {@code none}.
 */
public record Rfm(int recencyScore, int frequencyScore, int monetaryScore, String segment) {

	public static final Rfm NONE = new Rfm(0, 0, 0, "none");

}
