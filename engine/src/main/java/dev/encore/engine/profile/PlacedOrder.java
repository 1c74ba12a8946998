package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One order as the profile keeps it: enough to recompute every aggregate, so events may
 * arrive in any order.
 *
 * @param total the order total as sent ({@code total}, else {@code revenue})
 * @param discounted whether a coupon or discount applied
 * @param categories the categories of its products, repeated per product
 */
public record PlacedOrder(Instant at, BigDecimal total, boolean discounted, List<String> categories) {

	public PlacedOrder {
		Objects.requireNonNull(at, "at");
		total = total == null ? BigDecimal.ZERO : total;
		categories = categories == null ? List.of() : List.copyOf(categories);
	}

}
