package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One month (UTC) of the period: the dashboard's figures over time.
 *
 * @param newBuyers buyers whose first counted order of the period was this month
 * @param repurchaseRate of the month's buyers, the share who had bought before in the
 * period
 */
record MonthlyFigures(YearMonth month, long orders, long buyers, long newBuyers, Double repurchaseRate,
		BigDecimal netRevenue, BigDecimal averageOrderValue) {

	static List<MonthlyFigures> of(List<ShopOrder> all, Instant end, LoyaltyFiguresProperties properties) {
		Map<YearMonth, List<ShopOrder>> byMonth = new TreeMap<>();
		all.forEach((order) -> byMonth.computeIfAbsent(month(order.placedAt()), (key) -> new ArrayList<>()).add(order));
		Map<String, YearMonth> firstMonth = new HashMap<>();
		PurchaseFigures.countedByBuyer(all)
			.forEach((customer, placed) -> firstMonth.put(customer, month(placed.get(0).placedAt())));
		List<MonthlyFigures> months = new ArrayList<>();
		byMonth.forEach((month, orders) -> {
			PurchaseFigures figures = PurchaseFigures.of(orders, end, properties);
			Set<String> buyers = new HashSet<>(PurchaseFigures.countedByBuyer(orders).keySet());
			long fresh = buyers.stream().filter((customer) -> month.equals(firstMonth.get(customer))).count();
			months.add(new MonthlyFigures(month, figures.orders(), figures.buyers(), fresh,
					Ratios.share(figures.buyers() - fresh, figures.buyers()), figures.netRevenue(),
					figures.averageOrderValue()));
		});
		return months;
	}

	private static YearMonth month(Instant at) {
		return YearMonth.from(at.atZone(ZoneOffset.UTC));
	}

}
