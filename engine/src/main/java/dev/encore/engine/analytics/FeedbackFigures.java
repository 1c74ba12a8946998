package dev.encore.engine.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** NPS answers and reviews of a period ({@code encore_nps}, {@code encore_review}). */
@Repository
class FeedbackFigures {

	private final JdbcClient jdbc;

	FeedbackFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each customer's latest answer in the period counts, once. */
	Nps nps(LoyaltyPeriod period) {
		Timestamp start = Timestamp.from(period.start());
		Timestamp end = Timestamp.from(period.end());
		return this.jdbc
			.sql("""
					SELECT COUNT(*), COALESCE(SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END), 0),
					COALESCE(SUM(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END), 0)
					FROM encore_nps n WHERE submitted_at >= ? AND submitted_at < ? AND NOT EXISTS (
					SELECT 1 FROM encore_nps later WHERE later.customer_id = n.customer_id
					AND later.submitted_at >= ? AND later.submitted_at < ?
					AND (later.submitted_at > n.submitted_at OR (later.submitted_at = n.submitted_at AND later.id > n.id)))""")
			.params(start, end, start, end)
			.query((row, i) -> Nps.of(row.getLong(1), row.getLong(2), row.getLong(3)))
			.single();
	}

	/**
	 * Every review in the period; an aspect's average is over the reviews that rated it.
	 */
	Reviews reviews(LoyaltyPeriod period) {
		return this.jdbc.sql("""
				SELECT COUNT(*), AVG(CAST(rating AS DOUBLE PRECISION)), AVG(CAST(product_info AS DOUBLE PRECISION)),
				AVG(CAST(service_response AS DOUBLE PRECISION)), AVG(CAST(logistics AS DOUBLE PRECISION)),
				AVG(CAST(review_feedback AS DOUBLE PRECISION)), AVG(CAST(refund_speed AS DOUBLE PRECISION))
				FROM encore_review WHERE submitted_at >= ? AND submitted_at < ?""")
			.params(Timestamp.from(period.start()), Timestamp.from(period.end()))
			.query((row, i) -> new Reviews(row.getLong(1), average(row, 2),
					new Aspects(average(row, 3), average(row, 4), average(row, 5), average(row, 6), average(row, 7))))
			.single();
	}

	/**
	 * Databases differ in the type of an average: double or decimal; none when nothing
	 * rated.
	 */
	private static Double average(ResultSet row, int column) throws SQLException {
		return row.getObject(column) instanceof Number number ? number.doubleValue() : null;
	}

	/**
	 * Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6;
	 * {@code score = 100 × (promoters − detractors) / responses}.
	 */
	record Nps(long responses, long promoters, long passives, long detractors, Double score) {

		static Nps of(long responses, long promoters, long passives) {
			long detractors = responses - promoters - passives;
			Double share = Ratios.share(promoters - detractors, responses);
			return new Nps(responses, promoters, passives, detractors, share == null ? null : 100 * share);
		}

	}

	record Reviews(long count, Double rating, Aspects aspects) {
	}

	/** The five aspects a review may rate (1 to 5). */
	record Aspects(Double productInfo, Double serviceResponse, Double logistics, Double reviewFeedback,
			Double refundSpeed) {
	}

}
