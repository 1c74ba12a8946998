package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The buyers whose first counted order of the period fell in one month (UTC), and how
 * they bought since.
 *
 * @param repurchaseCurve entry k-1: the share of the cohort with a second order within k
 * months of their first, for every k that all of the cohort has lived through by the
 * period's end
 */
record Cohort(YearMonth month, long customers, long repeatBuyers, Double repurchaseRate, Double purchaseFrequency,
		BigDecimal averageOrderValue, BigDecimal valuePerCustomer, List<Double> repurchaseCurve) {

	static List<Cohort> of(List<ShopOrder> all, Instant end, LoyaltyFiguresProperties properties) {
		Map<YearMonth, List<ShopOrder>> orders = new TreeMap<>();
		Map<YearMonth, List<List<ShopOrder>>> buyers = new TreeMap<>();
		Map<String, YearMonth> cohortOf = new HashMap<>();
		PurchaseFigures.countedByBuyer(all).forEach((customer, placed) -> {
			YearMonth month = YearMonth.from(placed.get(0).placedAt().atZone(ZoneOffset.UTC));
			cohortOf.put(customer, month);
			buyers.computeIfAbsent(month, (key) -> new ArrayList<>()).add(placed);
		});
		// Refunded orders too: the cohort's net revenue nets them out.
		all.stream()
			.filter((order) -> cohortOf.containsKey(order.customerId()))
			.forEach((order) -> orders.computeIfAbsent(cohortOf.get(order.customerId()), (key) -> new ArrayList<>())
				.add(order));
		List<Cohort> cohorts = new ArrayList<>();
		buyers.forEach((month, members) -> cohorts.add(cohort(month, members, orders.get(month), end, properties)));
		return cohorts;
	}

	private static Cohort cohort(YearMonth month, List<List<ShopOrder>> members, List<ShopOrder> orders, Instant end,
			LoyaltyFiguresProperties properties) {
		PurchaseFigures figures = PurchaseFigures.of(orders, end, properties);
		// Whole months from the cohort's last day to the period's end: every member lived
		// them.
		long lived = Math.min(properties.cohortMonths(), Math.max(0, ChronoUnit.MONTHS
			.between(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC), end.atZone(ZoneOffset.UTC))));
		List<Double> curve = new ArrayList<>();
		for (int k = 1; k <= lived; k++) {
			int months = k;
			long again = members.stream()
				.filter((placed) -> placed.size() >= 2 && placed.get(1)
					.placedAt()
					.isBefore(placed.get(0).placedAt().atZone(ZoneOffset.UTC).plusMonths(months).toInstant()))
				.count();
			curve.add(Ratios.share(again, members.size()));
		}
		return new Cohort(month, figures.buyers(), figures.repeatBuyers(), figures.repurchaseRate(),
				figures.purchaseFrequency(), figures.averageOrderValue(), figures.historicalValue(), curve);
	}

}
