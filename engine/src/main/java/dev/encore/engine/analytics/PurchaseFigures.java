package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the orders of a period say (docs/loyalty.md, "The shop's numbers"): buyers and
 * repeat buyers count orders that still count (not refunded in full); money counts orders
 * in the shop's currency only.
 *
 * @param orders counted orders
 * @param netRevenue totals less refunds, in the shop's currency
 * @param historicalValue net revenue per buyer with an order in the shop's currency
 * @param ordersInOtherCurrencies counted orders left out of the money figures, by
 * currency
 * @param churnedBuyers buyers whose latest order is older than {@code churnAfter} at the
 * period's end
 */
record PurchaseFigures(long buyers, long repeatBuyers, Double repurchaseRate, Double purchaseFrequency, long orders,
		BigDecimal averageOrderValue, BigDecimal netRevenue, BigDecimal historicalValue,
		Map<String, Long> ordersInOtherCurrencies, long churnedBuyers, Double churnRate) {

	static PurchaseFigures of(List<ShopOrder> all, Instant end, LoyaltyFiguresProperties properties) {
		String currency = properties.currency();
		Map<String, List<ShopOrder>> byBuyer = countedByBuyer(all);
		long orders = byBuyer.values().stream().mapToLong(List::size).sum();
		long repeat = byBuyer.values().stream().filter((placed) -> placed.size() >= 2).count();
		List<ShopOrder> counted = byBuyer.values().stream().flatMap(List::stream).toList();
		List<ShopOrder> inCurrency = counted.stream().filter((order) -> order.inCurrency(currency)).toList();
		BigDecimal gross = inCurrency.stream().map(ShopOrder::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal net = all.stream()
			.filter((order) -> order.inCurrency(currency))
			.map(ShopOrder::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		long payers = inCurrency.stream().map(ShopOrder::customerId).distinct().count();
		Map<String, Long> others = new TreeMap<>(counted.stream()
			.filter((order) -> !order.inCurrency(currency))
			.collect(Collectors.groupingBy(ShopOrder::currency, Collectors.counting())));
		Instant churnedBefore = end.minus(properties.churnAfter());
		long churned = byBuyer.values()
			.stream()
			.filter((placed) -> placed.get(placed.size() - 1).placedAt().isBefore(churnedBefore))
			.count();
		long buyers = byBuyer.size();
		return new PurchaseFigures(buyers, repeat, Ratios.share(repeat, buyers), Ratios.share(orders, buyers), orders,
				Ratios.money(gross, inCurrency.size()), Ratios.money(net, 1), Ratios.money(net, payers), others,
				churned, Ratios.share(churned, buyers));
	}

	/**
	 * Each buyer's counted orders, oldest first; buyers in order of their first order.
	 */
	static Map<String, List<ShopOrder>> countedByBuyer(List<ShopOrder> all) {
		Map<String, List<ShopOrder>> byBuyer = new LinkedHashMap<>();
		all.stream()
			.filter(ShopOrder::counts)
			.sorted(Comparator.comparing(ShopOrder::placedAt).thenComparing(ShopOrder::orderId))
			.forEach((order) -> byBuyer.computeIfAbsent(order.customerId(), (id) -> new ArrayList<>()).add(order));
		return byBuyer;
	}

}
