package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order aggregates of one customer. Orders refunded in full do not count as orders;
 * partial refunds only lower the revenue.
 *
 * @param orderCount orders that still count
 * @param netRevenue every order's total less what was refunded of it
 * @param averageInterval mean time between counted orders (null below two)
 * @param lastInterval time between the last two counted orders (null below two)
 * @param refundCount orders with any refund
 * @param refundRate refunded orders over all orders received (0 with none)
 * @param discountedShare counted orders with a discount over counted orders
 * @param topCategories up to three product categories, most ordered first
 * @param priceBand {@code low}, {@code mid} or {@code high} by average counted order
 * value
 */
public record OrderStats(int orderCount, BigDecimal netRevenue, Instant firstOrderAt, Instant lastOrderAt,
		Duration averageInterval, Duration lastInterval, int refundCount, double refundRate, double discountedShare,
		List<String> topCategories, String priceBand) {

	static OrderStats of(OrderHistory history, ProfileProperties.PriceBands bands) {
		List<PlacedOrder> counted = new ArrayList<>();
		BigDecimal revenue = BigDecimal.ZERO;
		int refunded = 0;
		for (Map.Entry<String, PlacedOrder> entry : new TreeMap<>(history.orders()).entrySet()) {
			BigDecimal refund = history.refunded(entry.getKey());
			revenue = revenue.add(entry.getValue().total()).subtract(refund);
			boolean anyRefund = history.refunds()
				.values()
				.stream()
				.anyMatch((candidate) -> candidate.orderId().equals(entry.getKey()));
			refunded += anyRefund ? 1 : 0;
			if (history.counts(entry.getKey())) {
				counted.add(entry.getValue());
			}
		}
		counted.sort(Comparator.comparing(PlacedOrder::at));
		int count = counted.size();
		Instant first = count == 0 ? null : counted.get(0).at();
		Instant last = count == 0 ? null : counted.get(count - 1).at();
		Duration average = count < 2 ? null : Duration.between(first, last).dividedBy(count - 1);
		Duration lastInterval = count < 2 ? null : Duration.between(counted.get(count - 2).at(), last);
		int orders = history.orders().size();
		double refundRate = orders == 0 ? 0 : (double) refunded / orders;
		long discounted = counted.stream().filter(PlacedOrder::discounted).count();
		double discountedShare = count == 0 ? 0 : (double) discounted / count;
		return new OrderStats(count, revenue, first, last, average, lastInterval, refunded, refundRate, discountedShare,
				topCategories(counted), priceBand(revenue, count, bands));
	}

	private static List<String> topCategories(List<PlacedOrder> orders) {
		Map<String, Integer> counts = new TreeMap<>();
		orders.forEach((order) -> order.categories().forEach((category) -> counts.merge(category, 1, Integer::sum)));
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(3)
			.map(Map.Entry::getKey)
			.toList();
	}

	private static String priceBand(BigDecimal revenue, int count, ProfileProperties.PriceBands bands) {
		if (count == 0) {
			return null;
		}
		BigDecimal average = revenue.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
		if (average.compareTo(bands.high()) >= 0) {
			return "high";
		}
		return average.compareTo(bands.mid()) >= 0 ? "mid" : "low";
	}

}
