package dev.encore.engine.loyalty;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the profile keeps for interest tags (as {@code ext:interests}): how often the
 * customer viewed each category, and each order's products with a category and a price
 * (the profile's own orders keep categories only), so a refunded order drops out.
 *
 * @param viewed views per category, the {@link #MAX_CATEGORIES} most viewed
 * @param ordered per order id, its products' categories and unit prices
 */
record InterestState(Map<String, Integer> viewed, Map<String, List<CategoryPrices.Price>> ordered) {

	static final InterestState NONE = new InterestState(Map.of(), Map.of());

	/** Beyond this, the least viewed category makes room: a profile stays small. */
	static final int MAX_CATEGORIES = 100;

	/** Longer category names are cut: they are labels, not content. */
	private static final int MAX_CATEGORY_LENGTH = 100;

	InterestState {
		// Sorted, so the same state is always the same JSON.
		viewed = viewed == null ? Map.of() : new TreeMap<>(viewed);
		ordered = ordered == null ? Map.of() : new TreeMap<>(ordered);
	}

	InterestState viewed(String category) {
		Map<String, Integer> next = new TreeMap<>(this.viewed);
		next.merge(category, 1, Integer::sum);
		if (next.size() > MAX_CATEGORIES) {
			String least = next.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals(category))
				.min(Map.Entry.comparingByValue())
				.orElseThrow()
				.getKey();
			next.remove(least);
		}
		return new InterestState(next, this.ordered);
	}

	InterestState ordered(String orderId, List<CategoryPrices.Price> products) {
		Map<String, List<CategoryPrices.Price>> next = new TreeMap<>(this.ordered);
		next.put(orderId, List.copyOf(products));
		return new InterestState(this.viewed, next);
	}

	/** A category as interests keep it: trimmed, cut to length; null when blank. */
	static String category(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		String category = value.toString().strip();
		return category.length() > MAX_CATEGORY_LENGTH ? category.substring(0, MAX_CATEGORY_LENGTH) : category;
	}

}
