package dev.encore.engine.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.encore.engine.event.EventValues;
import dev.encore.engine.event.InvalidEventException;

/**
 * The amounts Encore adds up in profiles or stores in {@code NUMERIC(19,4)} columns
 * (conversion revenue) must be numbers it can hold: finite and less than 10^15 in
 * magnitude, also once rounded to four places. Order values, refunds, prices and
 * quantities must not be negative either; a goal's {@code value} may be. Text that is no
 * number at all stays ignored, as {@link EventValues} reads it.
 */
final class EventAmounts {

	/** {@code NUMERIC(19,4)} holds 15 digits before the point. */
	static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

	/** From here on, rounding to four places reaches {@link #LIMIT}. */
	private static final BigDecimal ROUNDS_TO_LIMIT = LIMIT.subtract(new BigDecimal("0.00005"));

	/** Order value (profile revenue, conversion revenue) and refund amount. */
	private static final List<String> NOT_NEGATIVE = List.of("total", "revenue", "amount");

	/** A goal event's value (conversion revenue). */
	private static final List<String> SIGNED = List.of("value");

	private EventAmounts() {
	}

	/**
	 * Throws {@link InvalidEventException} naming the first amount Encore cannot hold.
	 */
	static void check(Map<String, Object> properties) {
		NOT_NEGATIVE.forEach((field) -> amount(properties.get(field), "properties." + field, false));
		SIGNED.forEach((field) -> amount(properties.get(field), "properties." + field, true));
		if (properties.get("products") instanceof List<?> products) {
			BigDecimal sum = BigDecimal.ZERO;
			for (int i = 0; i < products.size(); i++) {
				if (products.get(i) instanceof Map<?, ?> product) {
					String field = "properties.products[" + i + "].";
					BigDecimal price = amount(product.get("price"), field + "price", false);
					BigDecimal quantity = amount(product.get("quantity"), field + "quantity", false);
					sum = sum.add(price == null ? BigDecimal.ZERO
							: price.multiply(quantity == null ? BigDecimal.ONE : quantity));
				}
			}
			// Without a total, the order is worth what its products add up to.
			if (sum.compareTo(ROUNDS_TO_LIMIT) >= 0) {
				throw new InvalidEventException("properties.products",
						"add up to " + LIMIT.toPlainString() + " or more (price × quantity)");
			}
		}
	}

	private static BigDecimal amount(Object value, String field, boolean signed) {
		if (EventValues.nonFinite(value)) {
			throw new InvalidEventException(field, "must be a finite number");
		}
		BigDecimal number = EventValues.decimal(value);
		if (number == null) {
			return null;
		}
		if (number.abs().compareTo(ROUNDS_TO_LIMIT) >= 0) {
			throw new InvalidEventException(field, "must be less than " + LIMIT.toPlainString() + " in magnitude");
		}
		if (!signed && number.signum() < 0) {
			throw new InvalidEventException(field, "must not be negative");
		}
		return number;
	}

}
