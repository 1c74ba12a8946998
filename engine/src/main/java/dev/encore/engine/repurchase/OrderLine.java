package dev.encore.engine.repurchase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.encore.engine.event.EventValues;

/**
 * One product line of a Segment {@code Order Completed} ({@code properties.products[]}):
 * {@code sku} (else {@code product_id}), {@code name}, {@code category}, {@code quantity}
 * (default 1), {@code price}. A consumable also says how long one unit lasts:
 * {@code usage_period} (ISO-8601, e.g. {@code P30D}) or {@code usage_days} (a number).
 *
 * @param usagePerUnit how long one unit lasts; null for a product that is no consumable
 */
record OrderLine(String id, String name, String category, int quantity, BigDecimal price, Duration usagePerUnit) {

	static List<OrderLine> of(Map<String, Object> orderProperties) {
		List<OrderLine> lines = new ArrayList<>();
		if (orderProperties != null && orderProperties.get("products") instanceof List<?> products) {
			for (Object product : products) {
				if (product instanceof Map<?, ?> item) {
					lines.add(line(item));
				}
			}
		}
		return lines;
	}

	boolean consumable() {
		return this.usagePerUnit != null && this.id != null;
	}

	/** How long the whole line lasts: quantity × usage per unit. */
	Duration usage() {
		return this.usagePerUnit.multipliedBy(this.quantity);
	}

	/**
	 * The category most spent on (price × quantity; the first one on a tie), null when no
	 * product names one.
	 */
	static String mainCategory(List<OrderLine> lines) {
		Map<String, BigDecimal> spend = new LinkedHashMap<>();
		for (OrderLine line : lines) {
			if (line.category() != null) {
				spend.merge(line.category(), line.price().multiply(BigDecimal.valueOf(line.quantity())),
						BigDecimal::add);
			}
		}
		String main = null;
		for (Map.Entry<String, BigDecimal> entry : spend.entrySet()) {
			if (main == null || entry.getValue().compareTo(spend.get(main)) > 0) {
				main = entry.getKey();
			}
		}
		return main;
	}

	private static OrderLine line(Map<?, ?> item) {
		String id = text(item.get("sku"));
		id = id != null ? id : text(item.get("product_id"));
		Integer quantity = whole(item.get("quantity"));
		BigDecimal price = EventValues.decimal(item.get("price"));
		return new OrderLine(id, text(item.get("name")), text(item.get("category")),
				quantity == null || quantity < 1 ? 1 : quantity, price == null ? BigDecimal.ZERO : price, usage(item));
	}

	private static Duration usage(Map<?, ?> item) {
		String period = text(item.get("usage_period"));
		if (period != null) {
			try {
				Duration usage = Duration.parse(period);
				return usage.isNegative() || usage.isZero() ? null : usage;
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		Integer days = whole(item.get("usage_days"));
		return days == null || days < 1 ? null : Duration.ofDays(days);
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	private static Integer whole(Object value) {
		BigDecimal number = EventValues.decimal(value);
		// intValue() wraps around: 3e9 units would read as a negative number.
		return number == null ? null
				: number.max(BigDecimal.valueOf(Integer.MIN_VALUE))
					.min(BigDecimal.valueOf(Integer.MAX_VALUE))
					.intValue();
	}

}
