package dev.encore.engine.loyalty;

import java.util.Map;

/**
 * A storefront's {@code NPS Submitted}: how likely the customer is to recommend the shop,
 * {@code score} 0 to 10.
 */
record NpsAnswer(int score) {

	/**
	 * The answer the event gives; a 400 naming the field when the score makes no sense.
	 */
	static NpsAnswer of(Map<String, Object> properties) {
		return new NpsAnswer(Scores.whole(properties.get("score"), "properties.score", 0, 10));
	}

	boolean detractor() {
		return this.score <= 6;
	}

	/** Net Promoter's three groups: 9-10 promoter, 7-8 passive, 0-6 detractor. */
	String category() {
		return detractor() ? "detractor" : this.score <= 8 ? "passive" : "promoter";
	}

}
