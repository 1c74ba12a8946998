package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.encore.engine.profile.OrderStats;
import dev.encore.engine.profile.PlacedOrder;

/**
 * Works out a customer's {@link Interests} from what they viewed and bought (orders that
 * still count only) and the shop's price ranges; the rules are in docs/loyalty.md.
 */
final class InterestTags {

	/** What a product ordered weighs against one view in the top categories. */
	private static final int ORDERED_WEIGHT = 3;

	private final CategoryPrices prices;

	InterestTags(CategoryPrices prices) {
		this.prices = prices;
	}

	Interests of(InterestState state, Map<String, PlacedOrder> counted, OrderStats stats) {
		List<CategoryPrices.Price> bought = new ArrayList<>();
		state.ordered().forEach((orderId, products) -> {
			if (counted.containsKey(orderId)) {
				bought.addAll(products);
			}
		});
		Map<String, Double> positions = positions(bought);
		Double sensitivity = positions.isEmpty() ? null : round(1 - mean(bought, positions));
		Double promotions = stats.orderCount() == 0 ? null : round(stats.discountedShare());
		Map<String, Double> shown = new TreeMap<>();
		positions.forEach((category, position) -> shown.put(category, round(position)));
		return new Interests(topCategories(counted.values(), state.viewed()), shown, sensitivity,
				label(sensitivity, 0.67, 0.34), promotions, label(promotions, 0.5, 0.2));
	}

	/** A product ordered counts as three views; ties go alphabetically. */
	private static List<String> topCategories(Iterable<PlacedOrder> orders, Map<String, Integer> viewed) {
		Map<String, Integer> scores = new TreeMap<>(viewed);
		orders.forEach((order) -> order.categories()
			.stream()
			.map(InterestState::category)
			.filter(Objects::nonNull)
			.forEach((category) -> scores.merge(category, ORDERED_WEIGHT, Integer::sum)));
		return scores.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(3)
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Per category, the mean position of the prices paid in the shop's range. */
	private Map<String, Double> positions(List<CategoryPrices.Price> bought) {
		Set<String> categories = new HashSet<>();
		bought.forEach((price) -> categories.add(price.category()));
		Map<String, CategoryPrices.Range> ranges = this.prices.ranges(categories);
		Map<String, double[]> sums = new TreeMap<>();
		for (CategoryPrices.Price price : bought) {
			CategoryPrices.Range range = ranges.get(price.category());
			if (range != null) {
				double[] sum = sums.computeIfAbsent(price.category(), (category) -> new double[2]);
				sum[0] += range.position(price.price());
				sum[1]++;
			}
		}
		Map<String, Double> positions = new TreeMap<>();
		sums.forEach((category, sum) -> positions.put(category, sum[0] / sum[1]));
		return positions;
	}

	/** The mean over every product bought, so a category bought often weighs more. */
	private static double mean(List<CategoryPrices.Price> bought, Map<String, Double> positions) {
		return bought.stream()
			.filter((price) -> positions.containsKey(price.category()))
			.mapToDouble((price) -> positions.get(price.category()))
			.average()
			.orElse(0.5);
	}

	private static String label(Double value, double high, double medium) {
		if (value == null) {
			return null;
		}
		return value >= high ? "high" : value >= medium ? "medium" : "low";
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
