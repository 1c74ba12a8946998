package dev.encore.engine.analytics;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tiers from {@code encore_tier_change}: who is where, and the moves of a period. */
@Repository
class TierFigures {

	private final JdbcClient jdbc;

	TierFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Customers per tier at the period's end: each one's latest change before it. */
	Map<String, Long> distribution(LoyaltyPeriod period) {
		Timestamp end = Timestamp.from(period.end());
		Map<String, Long> tiers = new TreeMap<>();
		this.jdbc.sql("""
				SELECT to_tier, COUNT(*) FROM encore_tier_change t WHERE changed_at < ? AND NOT EXISTS (
				SELECT 1 FROM encore_tier_change later WHERE later.customer_id = t.customer_id AND later.changed_at < ?
				AND (later.changed_at > t.changed_at OR (later.changed_at = t.changed_at AND later.id > t.id)))
				GROUP BY to_tier""").params(end, end).query((ResultSet row) -> {
			tiers.put(row.getString(1), row.getLong(2));
		});
		return tiers;
	}

	/** Moves in the period by from and to; {@code from} absent for a first tier. */
	List<Movement> movements(LoyaltyPeriod period) {
		return this.jdbc.sql("""
				SELECT from_tier, to_tier, COUNT(*) FROM encore_tier_change WHERE changed_at >= ? AND changed_at < ?
				GROUP BY from_tier, to_tier ORDER BY COUNT(*) DESC, to_tier, from_tier""")
			.params(Timestamp.from(period.start()), Timestamp.from(period.end()))
			.query((row, i) -> new Movement(row.getString(1), row.getString(2), row.getLong(3)))
			.list();
	}

	record Movement(String from, String to, long customers) {
	}

}
