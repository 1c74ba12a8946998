package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventValues;

/**
 * Reads Segment e-commerce {@code Order Completed} / {@code Order Refunded} properties:
 * {@code order_id}, {@code total} (else {@code revenue}, else the products' price ×
 * quantity), {@code discount} / {@code coupon}, {@code products[].category}.
 */
public final class StorefrontOrders {

	private StorefrontOrders() {
	}

	/** The order id, or the event id when the storefront sent none. */
	public static String orderId(CustomerEvent event) {
		Object id = event.properties().containsKey("order_id") ? event.properties().get("order_id")
				: event.properties().get("orderId");
		return id == null || id.toString().isBlank() ? null : id.toString();
	}

	public static PlacedOrder order(CustomerEvent event) {
		Map<String, Object> properties = event.properties();
		BigDecimal total = decimal(properties.get("total"));
		total = total != null ? total : decimal(properties.get("revenue"));
		List<String> categories = new ArrayList<>();
		BigDecimal productSum = BigDecimal.ZERO;
		if (properties.get("products") instanceof List<?> products) {
			for (Object product : products) {
				if (product instanceof Map<?, ?> item) {
					if (item.get("category") != null) {
						categories.add(item.get("category").toString());
					}
					BigDecimal price = decimal(item.get("price"));
					BigDecimal quantity = decimal(item.get("quantity"));
					productSum = productSum.add(price == null ? BigDecimal.ZERO
							: price.multiply(quantity == null ? BigDecimal.ONE : quantity));
				}
			}
		}
		BigDecimal discount = decimal(properties.get("discount"));
		Object coupon = properties.get("coupon");
		boolean discounted = (discount != null && discount.signum() > 0)
				|| (coupon != null && !coupon.toString().isBlank());
		return new PlacedOrder(event.timestamp(), total != null ? total : productSum, discounted, categories);
	}

	/** A refund of the named order: of {@code total} when sent, else of all of it. */
	public static Refund refund(CustomerEvent event, String orderId) {
		Object amount = event.properties().containsKey("total") ? event.properties().get("total")
				: event.properties().get("amount");
		return new Refund(orderId, decimal(amount), event.timestamp());
	}

	private static BigDecimal decimal(Object value) {
		BigDecimal number = EventValues.decimal(value);
		return number == null ? null : number.stripTrailingZeros();
	}

}
