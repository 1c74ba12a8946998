package dev.encore.engine.loyalty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.encore.engine.event.InvalidEventException;

/**
 * A storefront's {@code Review Submitted}: the overall {@code rating} (1 to 5) and, each
 * optional, the five aspects under {@code ratings} (1 to 5), the {@code order_id} and
 * {@code product_id} it is about.
 *
 * @param aspects the aspects the customer rated, by name ({@link #ASPECTS})
 */
record Review(int rating, Map<String, Integer> aspects, String orderId, String productId) {

	/** The aspects a review may rate, in the order support shows them. */
	static final List<String> ASPECTS = List.of("productInfo", "serviceResponse", "logistics", "reviewFeedback",
			"refundSpeed");

	static final int LOW = 2;

	Review {
		aspects = Collections.unmodifiableMap(new LinkedHashMap<>(aspects));
	}

	/**
	 * The review the event gives; a 400 naming the field when a rating makes no sense.
	 */
	static Review of(Map<String, Object> properties) {
		int rating = Scores.whole(properties.get("rating"), "properties.rating", 1, 5);
		Map<String, Integer> aspects = new LinkedHashMap<>();
		Object ratings = properties.get("ratings");
		if (ratings != null && !(ratings instanceof Map<?, ?>)) {
			throw new InvalidEventException("properties.ratings", "must be an object of aspect ratings");
		}
		if (ratings instanceof Map<?, ?> given) {
			for (String aspect : ASPECTS) {
				Object value = given.get(aspect);
				if (value != null) {
					aspects.put(aspect, Scores.whole(value, "properties.ratings." + aspect, 1, 5));
				}
			}
		}
		return new Review(rating, aspects, Scores.id(properties, "order_id"), Scores.id(properties, "product_id"));
	}

	/**
	 * Whether the customer was unhappy: a rating of 2 or less, overall or of an aspect.
	 */
	boolean low() {
		return this.rating <= LOW || this.aspects.values().stream().anyMatch((score) -> score <= LOW);
	}

}
