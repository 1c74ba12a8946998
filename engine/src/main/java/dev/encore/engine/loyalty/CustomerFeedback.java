package dev.encore.engine.loyalty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.encore.engine.store.CustomerData;

/**
 * Reviews and NPS answers as customers gave them (tables {@code encore_review},
 * {@code encore_nps}), written in the transaction of the event: its id is unique, so an
 * event applied twice is one row. Support reads them; erasure deletes them.
 */
@Repository
public class CustomerFeedback implements CustomerData {

	private final JdbcClient jdbc;

	CustomerFeedback(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String customerId, String eventId, Review review, Instant at) {
		Map<String, Integer> aspects = review.aspects();
		this.jdbc.sql("""
				INSERT INTO encore_review (customer_id, event_id, order_id, product_id, rating, product_info,
				  service_response, logistics, review_feedback, refund_speed, submitted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(customerId, eventId, review.orderId(), review.productId(), review.rating(),
					aspects.get("productInfo"), aspects.get("serviceResponse"), aspects.get("logistics"),
					aspects.get("reviewFeedback"), aspects.get("refundSpeed"), Timestamp.from(at))
			.update();
	}

	void record(String customerId, String eventId, NpsAnswer answer, Instant at) {
		this.jdbc.sql("INSERT INTO encore_nps (customer_id, event_id, score, submitted_at) VALUES (?, ?, ?, ?)")
			.params(customerId, eventId, answer.score(), Timestamp.from(at))
			.update();
	}

	/** The customer's reviews, newest first. */
	public List<ReviewRow> reviews(String customerId) {
		return this.jdbc.sql("""
				SELECT event_id, order_id, product_id, rating, product_info, service_response, logistics,
				  review_feedback, refund_speed, submitted_at
				FROM encore_review WHERE customer_id = ? ORDER BY submitted_at DESC, id DESC""")
			.param(customerId)
			.query(CustomerFeedback::review)
			.list();
	}

	/** The customer's NPS answers, newest first. */
	public List<NpsRow> npsAnswers(String customerId) {
		return this.jdbc
			.sql("SELECT event_id, score, submitted_at FROM encore_nps WHERE customer_id = ?"
					+ " ORDER BY submitted_at DESC, id DESC")
			.param(customerId)
			.query((rs, i) -> {
				NpsAnswer answer = new NpsAnswer(rs.getInt(2));
				return new NpsRow(rs.getString(1), answer.score(), answer.category(), rs.getTimestamp(3).toInstant());
			})
			.list();
	}

	/** Erasure deletes the customer's reviews and answers. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.sql("DELETE FROM encore_review WHERE customer_id = ?").param(customerId).update()
				+ this.jdbc.sql("DELETE FROM encore_nps WHERE customer_id = ?").param(customerId).update();
	}

	private static ReviewRow review(ResultSet rs, int rowNum) throws SQLException {
		Map<String, Integer> aspects = new LinkedHashMap<>();
		for (int i = 0; i < Review.ASPECTS.size(); i++) {
			int score = rs.getInt(5 + i);
			if (!rs.wasNull()) {
				aspects.put(Review.ASPECTS.get(i), score);
			}
		}
		Review review = new Review(rs.getInt(4), aspects, rs.getString(2), rs.getString(3));
		return new ReviewRow(rs.getString(1), review.orderId(), review.productId(), review.rating(), aspects,
				review.low(), rs.getTimestamp(10).toInstant());
	}

	/**
	 * One review as support sees it.
	 *
	 * @param ratings the aspects rated, in {@link Review#ASPECTS} order
	 * @param low a rating of 2 or less, overall or of an aspect
	 */
	public record ReviewRow(String eventId, String orderId, String productId, int rating, Map<String, Integer> ratings,
			boolean low, Instant submittedAt) {
	}

	/**
	 * One NPS answer as support sees it: {@code category} promoter, passive or detractor.
	 */
	public record NpsRow(String eventId, int score, String category, Instant submittedAt) {
	}

}
