package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Every order and refund of a customer, by id. Aggregates are recomputed from these, so
 * they come out the same whatever order the events arrived in, and a refund that arrives
 * before its order nets out once the order is there.
 */
public record OrderHistory(Map<String, PlacedOrder> orders, Map<String, Refund> refunds) {

	public static final OrderHistory NONE = new OrderHistory(Map.of(), Map.of());

	public OrderHistory {
		orders = orders == null ? Map.of() : Map.copyOf(orders);
		refunds = refunds == null ? Map.of() : Map.copyOf(refunds);
	}

	/** A repeated order id replaces the earlier record (same order sent twice). */
	OrderHistory withOrder(String orderId, PlacedOrder order) {
		Map<String, PlacedOrder> next = new HashMap<>(this.orders);
		next.put(orderId, order);
		return new OrderHistory(next, this.refunds);
	}

	/**
	 * @param refundId the refund event's id: two partial refunds of one order both count
	 */
	OrderHistory withRefund(String refundId, Refund refund) {
		Map<String, Refund> next = new HashMap<>(this.refunds);
		next.put(refundId, refund);
		return new OrderHistory(this.orders, next);
	}

	/** How much of an order has been refunded, never more than its total. */
	BigDecimal refunded(String orderId) {
		PlacedOrder order = this.orders.get(orderId);
		if (order == null) {
			return BigDecimal.ZERO;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (Refund refund : this.refunds.values()) {
			if (refund.orderId().equals(orderId)) {
				sum = sum.add(refund.amount() == null ? order.total() : refund.amount());
			}
		}
		return sum.min(order.total());
	}

	/** An order still counts unless it was refunded in full. */
	boolean counts(String orderId) {
		PlacedOrder order = this.orders.get(orderId);
		boolean anyRefund = this.refunds.values().stream().anyMatch((refund) -> refund.orderId().equals(orderId));
		return !anyRefund || refunded(orderId).compareTo(order.total()) < 0;
	}

	/**
	 * The orders that still count (not refunded in full), by order id: what loyalty
	 * counts purchase days and interests from.
	 */
	public Map<String, PlacedOrder> countedOrders() {
		Map<String, PlacedOrder> counted = new HashMap<>();
		this.orders.forEach((id, order) -> {
			if (counts(id)) {
				counted.put(id, order);
			}
		});
		return counted;
	}

	public OrderStats stats(ProfileProperties.PriceBands bands) {
		return OrderStats.of(this, bands);
	}

}
