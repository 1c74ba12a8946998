package dev.encore.engine.testsupport;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the shop's loyalty numbers read, written straight into their tables: orders as
 * loyalty keeps them, NPS answers and reviews (written by their own feature from events),
 * events, sent messages and tier changes.
 */
public final class LoyaltyFixtures {

	private final JdbcTemplate db;

	public LoyaltyFixtures(JdbcTemplate db) {
		this.db = db;
	}

	/** An order in the shop's currency (none named), not refunded. */
	public LoyaltyFixtures order(String customer, String orderId, double total, String placedAt) {
		return order(customer, orderId, total, null, placedAt, 0);
	}

	/**
	 * @param refunded the refunds so far; the order's total: refunded in full
	 */
	public LoyaltyFixtures order(String customer, String orderId, double total, String currency, String placedAt,
			double refunded) {
		this.db.update("""
				INSERT INTO encore_order (customer_id, order_id, total, currency, discounted, placed_at, refunded,
				fully_refunded) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?)""", customer, orderId, BigDecimal.valueOf(total),
				currency, at(placedAt), BigDecimal.valueOf(refunded), refunded >= total);
		return this;
	}

	public LoyaltyFixtures nps(String customer, int score, String submittedAt) {
		this.db.update("INSERT INTO encore_nps (customer_id, event_id, score, submitted_at) VALUES (?, ?, ?, ?)",
				customer, UUID.randomUUID().toString(), score, at(submittedAt));
		return this;
	}

	/**
	 * Aspects in the table's order: product info, service, logistics, feedback, refund
	 * speed.
	 */
	public LoyaltyFixtures review(String customer, int rating, Integer[] aspects, String submittedAt) {
		this.db.update("""
				INSERT INTO encore_review (customer_id, event_id, rating, product_info, service_response, logistics,
				review_feedback, refund_speed, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", customer,
				UUID.randomUUID().toString(), rating, aspects[0], aspects[1], aspects[2], aspects[3], aspects[4],
				at(submittedAt));
		return this;
	}

	public LoyaltyFixtures event(String customer, String name, String occurredAt) {
		this.db.update("""
				INSERT INTO encore_event (message_id, customer_id, event_type, event_name, occurred_at, received_at,
				source) VALUES (?, ?, 'track', ?, ?, ?, 'http')""", UUID.randomUUID().toString(), customer, name,
				at(occurredAt), at(occurredAt));
		return this;
	}

	public LoyaltyFixtures message(String customer, String channel, String status, String createdAt) {
		this.db
			.update("""
					INSERT INTO encore_message_log (send_key, customer_id, journey_key, process_instance_id, activity_id,
					channel, template_id, status, created_at) VALUES (?, ?, 'WinBack', 'pi', 'SendTaskOffer', ?, 'offer', ?, ?)""",
					UUID.randomUUID().toString(), customer, channel, status, at(createdAt));
		return this;
	}

	/**
	 * @param from null for the first tier
	 */
	public LoyaltyFixtures tierChange(String customer, String from, String to, String changedAt) {
		this.db.update(
				"INSERT INTO encore_tier_change (customer_id, from_tier, to_tier, changed_at) VALUES (?, ?, ?, ?)",
				customer, from, to, at(changedAt));
		return this;
	}

	/** {@code 2019-01-10} (midday UTC) or a full instant. */
	private static Timestamp at(String value) {
		return Timestamp.from(Instant.parse(value.length() == 10 ? value + "T12:00:00Z" : value));
	}

}
