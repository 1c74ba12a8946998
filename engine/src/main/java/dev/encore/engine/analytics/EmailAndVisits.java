package dev.encore.engine.analytics;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Engagement in a period: how Encore's emails are opened and clicked, and who comes back
 * to the shop. Reads the event history, kept {@code encore.intake.retention} (30 days by
 * default).
 */
@Repository
class EmailAndVisits {

	private static final String RECIPIENTS = """
			SELECT customer_id FROM encore_message_log WHERE channel = 'email' AND status = 'sent' AND NOT test_send
			AND created_at >= ? AND created_at < ?""";

	private final JdbcClient jdbc;

	EmailAndVisits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Engagement of(LoyaltyPeriod period) {
		Timestamp start = Timestamp.from(period.start());
		Timestamp end = Timestamp.from(period.end());
		long sent = this.jdbc.sql("SELECT COUNT(*) FROM (" + RECIPIENTS + ") sent")
			.params(start, end)
			.query(Long.class)
			.single();
		long recipients = this.jdbc.sql("SELECT COUNT(DISTINCT customer_id) FROM (" + RECIPIENTS + ") sent")
			.params(start, end)
			.query(Long.class)
			.single();
		long openers = reacting("Email Opened", start, end);
		long clickers = reacting("Email Link Clicked", start, end);
		Map<String, Set<LocalDate>> visitDays = new HashMap<>();
		this.jdbc
			.sql("SELECT customer_id, occurred_at FROM encore_event WHERE event_name = 'Site Visited' "
					+ "AND occurred_at >= ? AND occurred_at < ?")
			.params(start, end)
			.query((ResultSet row) -> {
				visitDays.computeIfAbsent(row.getString(1), (id) -> new HashSet<>())
					.add(LocalDate.ofInstant(row.getTimestamp(2).toInstant(), ZoneOffset.UTC));
			});
		long returning = visitDays.values().stream().filter((days) -> days.size() >= 2).count();
		return new Engagement(sent, recipients, openers, Ratios.share(openers, recipients), clickers,
				Ratios.share(clickers, recipients), visitDays.size(), returning,
				Ratios.share(returning, visitDays.size()));
	}

	/** Recipients of the period's emails who reacted to one in it. */
	private long reacting(String eventName, Timestamp start, Timestamp end) {
		return this.jdbc
			.sql("SELECT COUNT(DISTINCT customer_id) FROM encore_event WHERE event_name = ? "
					+ "AND occurred_at >= ? AND occurred_at < ? AND customer_id IN (" + RECIPIENTS + ")")
			.params(eventName, start, end, start, end)
			.query(Long.class)
			.single();
	}

	/**
	 * @param openRate recipients who opened at least one email, of all recipients
	 * @param returnVisitRate visitors who visited on two or more days (UTC), of all
	 * visitors
	 */
	record Engagement(long emailsSent, long emailRecipients, long openers, Double openRate, long clickers,
			Double clickRate, long visitors, long returnVisitors, Double returnVisitRate) {
	}

}
