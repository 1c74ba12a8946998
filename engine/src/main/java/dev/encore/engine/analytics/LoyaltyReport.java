package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shop's loyalty numbers over a period ({@code GET /api/v1/analytics/loyalty}); each
 * figure is defined in docs/loyalty.md, "The shop's numbers".
 *
 * @param from absent: since the first order
 * @param currency the currency of every money figure; {@code ordersInOtherCurrencies}
 * were left out of them
 * @param churnAfterDays a buyer whose latest order is older than this at the period's end
 * has churned
 * @param tiers customers per tier at the period's end
 */
record LoyaltyReport(LocalDate from, LocalDate to, String currency, long customers, long buyers, long repeatBuyers,
		Double repurchaseRate, long orders, Double purchaseFrequency, BigDecimal averageOrderValue,
		BigDecimal netRevenue, Map<String, Long> ordersInOtherCurrencies, CustomerValue clv, long churnedBuyers,
		Double churnRate, long churnAfterDays, FeedbackFigures.Nps nps, FeedbackFigures.Reviews reviews,
		EmailAndVisits.Engagement engagement, Map<String, Long> tiers, List<TierFigures.Movement> tierMovements,
		List<Cohort> cohorts, List<MonthlyFigures> monthly) {

}
