package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.OrderHistory;
import dev.encore.engine.profile.PlacedOrder;
import dev.encore.engine.profile.ProfileExtension;
import dev.encore.engine.profile.Refund;
import dev.encore.engine.profile.StorefrontOrders;

/**
 * Keeps {@link OrderRows} in step with the profile's order history on every order and
 * refund: the row is worked out from the history, not from the event alone, so a replay
 * or a refund that came before its order gives the same row. Adds nothing to the profile
 * or its view.
 */
@Component
@Order(3)
class OrderBookExtension implements ProfileExtension {

	private static final Set<String> ORDER_EVENTS = Set.of("Order Completed", "Order Refunded");

	private final OrderRows rows;

	OrderBookExtension(OrderRows rows) {
		this.rows = rows;
	}

	@Override
	public String name() {
		return "orderbook";
	}

	@Override
	public Applied apply(CustomerProfile profile, CustomerEvent event) {
		if (event.type() != EventType.TRACK || !ORDER_EVENTS.contains(event.name())) {
			return Applied.unchanged(profile);
		}
		String orderId = StorefrontOrders.orderId(event);
		boolean completed = "Order Completed".equals(event.name());
		String id = orderId == null && completed ? event.messageId() : orderId;
		OrderHistory history = profile.orders();
		PlacedOrder order = id == null ? null : history.orders().get(id);
		if (order != null) {
			this.rows.save(profile.customerId(), id, row(history, id, order, completed ? currency(event) : null));
		}
		return Applied.unchanged(profile);
	}

	/** No section: the orders show in the profile's own {@code orders}. */
	@Override
	public Object view(CustomerProfile profile, Instant now) {
		return null;
	}

	/** The order's row as the profile's history has it. */
	static OrderRows.Row row(OrderHistory history, String orderId, PlacedOrder order, String currency) {
		return new OrderRows.Row(order.total(), currency, order.discounted(), order.at(),
				refunded(history, orderId, order), !history.countedOrders().containsKey(orderId));
	}

	/**
	 * As the profile counts it: each refund of its amount, or of all of it; at most the
	 * total.
	 */
	private static BigDecimal refunded(OrderHistory history, String orderId, PlacedOrder order) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Refund refund : history.refunds().values()) {
			if (refund.orderId().equals(orderId)) {
				sum = sum.add(refund.amount() == null ? order.total() : refund.amount());
			}
		}
		return sum.min(order.total());
	}

	private static String currency(CustomerEvent event) {
		Object currency = event.properties().get("currency");
		String code = currency == null ? "" : currency.toString().trim().toUpperCase(Locale.ROOT);
		return code.matches("[A-Z]{3}") ? code : null;
	}

}
