package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.OrderStats;
import dev.encore.engine.profile.PlacedOrder;

/**
 * The inputs of the tier table ({@code journeys/loyalty-tier.dmn}), named as its input
 * expressions are.
 *
 * @param daysSinceLastVisit whole days since the latest {@code Site Visited} or order
 * (placing an order is a visit), {@link #NEVER} without either
 * @param purchaseDays distinct days, in the customer's time zone, with an order that
 * still counts (not refunded in full)
 * @param netSpend orders' totals less refunds
 * @param orderCount orders that still count
 */
public record TierInputs(long daysSinceLastVisit, int purchaseDays, BigDecimal netSpend, int orderCount) {

	/** Days since a visit that never happened: a century, beyond any threshold. */
	static final long NEVER = 36_500;

	public TierInputs {
		Objects.requireNonNull(netSpend, "netSpend");
	}

	static TierInputs of(CustomerProfile profile, OrderStats stats, ZoneId zone, Instant now) {
		Instant lastVisit = Stream
			.concat(Stream.of(profile.engagement().lastVisitAt()),
					profile.orders().orders().values().stream().map(PlacedOrder::at))
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(null);
		long days = lastVisit == null ? NEVER : Math.max(0, Duration.between(lastVisit, now).toDays());
		int purchaseDays = (int) profile.orders()
			.countedOrders()
			.values()
			.stream()
			.map((order) -> LocalDate.ofInstant(order.at(), zone))
			.distinct()
			.count();
		return new TierInputs(days, purchaseDays, stats.netRevenue(), stats.orderCount());
	}

	/** As the decision reads them. */
	Map<String, Object> variables() {
		return Map.of("daysSinceLastVisit", this.daysSinceLastVisit, "purchaseDays", this.purchaseDays, "netSpend",
				this.netSpend.doubleValue(), "orderCount", this.orderCount);
	}

	/** One input by its name in the table, null for a name it does not have. */
	BigDecimal value(String input) {
		return switch (input) {
			case "daysSinceLastVisit" -> BigDecimal.valueOf(this.daysSinceLastVisit);
			case "purchaseDays" -> BigDecimal.valueOf(this.purchaseDays);
			case "netSpend" -> this.netSpend;
			case "orderCount" -> BigDecimal.valueOf(this.orderCount);
			default -> null;
		};
	}

}
