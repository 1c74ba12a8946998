package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.encore.engine.store.CustomerData;

/**
 * One row per order of a customer (table {@code encore_order}), as the profile last saw
 * it: what the shop's loyalty numbers are worked out from.
 */
@Repository
class OrderRows implements CustomerData {

	private final JdbcClient jdbc;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the order or brings its row up to date; the currency of an earlier write
	 * stays when a later one (a refund) names none.
	 */
	void save(String customerId, String orderId, Row row) {
		int updated = this.jdbc.sql("""
				UPDATE encore_order SET total = ?, currency = COALESCE(?, currency), discounted = ?, placed_at = ?,
				refunded = ?, fully_refunded = ? WHERE customer_id = ? AND order_id = ?""")
			.params(row.total(), row.currency(), row.discounted(), Timestamp.from(row.placedAt()), row.refunded(),
					row.fullyRefunded(), customerId, orderId)
			.update();
		if (updated == 0) {
			insert(customerId, orderId, row);
		}
	}

	private void insert(String customerId, String orderId, Row row) {
		this.jdbc.sql("""
				INSERT INTO encore_order (customer_id, order_id, total, currency, discounted, placed_at, refunded,
				fully_refunded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(customerId, orderId, row.total(), row.currency(), row.discounted(), Timestamp.from(row.placedAt()),
					row.refunded(), row.fullyRefunded())
			.update();
	}

	/**
	 * Inserts the order unless it has a row: what a live event wrote is newer.
	 * @return whether it did
	 */
	boolean addIfAbsent(String customerId, String orderId, Row row) {
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM encore_order WHERE customer_id = ? AND order_id = ?")
			.params(customerId, orderId)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return false;
		}
		try {
			insert(customerId, orderId, row);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Erasure deletes the customer's orders. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.sql("DELETE FROM encore_order WHERE customer_id = ?").param(customerId).update();
	}

	/**
	 * @param currency ISO 4217 code as sent, or null when the order named none
	 */
	record Row(BigDecimal total, String currency, boolean discounted, Instant placedAt, BigDecimal refunded,
			boolean fullyRefunded) {
	}

}
