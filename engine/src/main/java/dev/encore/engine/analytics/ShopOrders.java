package dev.encore.engine.analytics;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders of a period ({@code encore_order}, kept by loyalty from the profile's order
 * history) and the customers seen in it.
 */
@Repository
class ShopOrders {

	private final JdbcClient jdbc;

	ShopOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ShopOrder> placedIn(LoyaltyPeriod period) {
		return this.jdbc.sql("""
				SELECT customer_id, order_id, total, currency, placed_at, refunded, fully_refunded FROM encore_order
				WHERE placed_at >= ? AND placed_at < ?""")
			.params(Timestamp.from(period.start()), Timestamp.from(period.end()))
			.query((row, i) -> new ShopOrder(row.getString(1), row.getString(2), row.getBigDecimal(3), row.getString(4),
					row.getTimestamp(5).toInstant(), row.getBigDecimal(6), row.getBoolean(7)))
			.list();
	}

	/**
	 * Customers with an event or an order in the period. Events are kept for
	 * {@code encore.intake.retention} only, so over a longer period this counts the
	 * buyers and the recent customers.
	 */
	long customers(LoyaltyPeriod period) {
		Timestamp start = Timestamp.from(period.start());
		Timestamp end = Timestamp.from(period.end());
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM (
				SELECT customer_id FROM encore_event WHERE occurred_at >= ? AND occurred_at < ?
				UNION SELECT customer_id FROM encore_order WHERE placed_at >= ? AND placed_at < ?) seen""")
			.params(start, end, start, end)
			.query(Long.class)
			.single();
	}

}
