package dev.encore.engine.loyalty;

import java.math.BigDecimal;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventValues;
import dev.encore.engine.event.InvalidEventException;

/**
 * A storefront's {@code Points Redeemed}: {@code points} (a whole number above zero) and
 * optionally the {@code order_id} they paid towards.
 */
record Redemption(long points, String orderId) {

	/** Far beyond any balance; keeps the sum of a ledger in a long. */
	static final long MAX_POINTS = 1_000_000_000_000L;

	/**
	 * The redemption the event asks for; a 400 naming the field when it makes no sense.
	 */
	static Redemption of(CustomerEvent event) {
		BigDecimal points = EventValues.decimal(event.properties().get("points"));
		if (points == null || points.signum() <= 0 || points.stripTrailingZeros().scale() > 0
				|| points.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
			throw new InvalidEventException("properties.points",
					"must be a whole number of points from 1 to " + MAX_POINTS);
		}
		Object orderId = event.properties().containsKey("order_id") ? event.properties().get("order_id")
				: event.properties().get("orderId");
		String order = orderId == null || orderId.toString().isBlank() ? null : orderId.toString();
		if (order != null && order.length() > CustomerEvent.MAX_ID_LENGTH) {
			throw new InvalidEventException("properties.order_id",
					"must be at most " + CustomerEvent.MAX_ID_LENGTH + " characters");
		}
		return new Redemption(points.longValueExact(), order);
	}

}
