package dev.encore.engine.analytics;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The loyalty programme's numbers for marketers: repurchase, frequency, order value, CLV,
 * churn, NPS, reviews, engagement, tiers and cohorts over a period of days.
 */
@RestController
@Tag(name = "Analytics")
class LoyaltyAnalyticsController {

	private final ShopOrders orders;

	private final FeedbackFigures feedback;

	private final EmailAndVisits engagement;

	private final TierFigures tiers;

	private final LoyaltyFiguresProperties properties;

	private final Clock clock;

	LoyaltyAnalyticsController(ShopOrders orders, FeedbackFigures feedback, EmailAndVisits engagement,
			TierFigures tiers, LoyaltyFiguresProperties properties, Clock clock) {
		this.orders = orders;
		this.feedback = feedback;
		this.engagement = engagement;
		this.tiers = tiers;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param from first day (ISO date, UTC), none: since the first order
	 * @param to last day, none: today
	 */
	@GetMapping("/api/v1/analytics/loyalty")
	LoyaltyReport loyalty(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		LoyaltyPeriod period = LoyaltyPeriod.parse(from, to, this.clock);
		Instant end = period.end();
		List<ShopOrder> placed = this.orders.placedIn(period);
		PurchaseFigures purchases = PurchaseFigures.of(placed, end, this.properties);
		return new LoyaltyReport(period.from(), period.to(), this.properties.currency(), this.orders.customers(period),
				purchases.buyers(), purchases.repeatBuyers(), purchases.repurchaseRate(), purchases.orders(),
				purchases.purchaseFrequency(), purchases.averageOrderValue(), purchases.netRevenue(),
				purchases.ordersInOtherCurrencies(),
				CustomerValue.of(placed, end, purchases.historicalValue(), this.properties), purchases.churnedBuyers(),
				purchases.churnRate(), this.properties.churnAfter().toDays(), this.feedback.nps(period),
				this.feedback.reviews(period), this.engagement.of(period), this.tiers.distribution(period),
				this.tiers.movements(period), Cohort.of(placed, end, this.properties),
				MonthlyFigures.of(placed, end, this.properties));
	}

	@ExceptionHandler(LoyaltyPeriod.InvalidPeriodException.class)
	ProblemDetail invalidPeriod(LoyaltyPeriod.InvalidPeriodException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid period");
		problem.setProperty("errors",
				List.of(Map.of("field", ex.field(), "message", ex.getMessage().substring(ex.field().length() + 1))));
		return problem;
	}

}
