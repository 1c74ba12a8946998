package dev.encore.engine.loyalty;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.encore.engine.store.CustomerData;

/**
 * Every move of a customer between tiers (table {@code encore_tier_change}), written in
 * the transaction of the event that caused it: the tier movement report reads it.
 */
@Repository
public class TierChanges implements CustomerData {

	private final JdbcClient jdbc;

	TierChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String customerId, String from, String to, Instant at) {
		this.jdbc
			.sql("INSERT INTO encore_tier_change (customer_id, from_tier, to_tier, changed_at) VALUES (?, ?, ?, ?)")
			.params(customerId, from, to, Timestamp.from(at))
			.update();
	}

	/** The customer's moves, oldest first. */
	public List<Change> forCustomer(String customerId) {
		return this.jdbc.sql("""
				SELECT from_tier, to_tier, changed_at FROM encore_tier_change
				WHERE customer_id = ? ORDER BY changed_at, id""")
			.param(customerId)
			.query((row, i) -> new Change(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
			.list();
	}

	/** Erasure deletes the customer's moves. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.sql("DELETE FROM encore_tier_change WHERE customer_id = ?").param(customerId).update();
	}

	/**
	 * @param from null for the customer's first tier
	 */
	public record Change(String from, String to, Instant at) {
	}

}
