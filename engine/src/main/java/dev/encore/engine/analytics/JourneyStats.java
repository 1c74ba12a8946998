package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Entry, conversion and split figures per journey version, as grouped SQL over Encore's
 * own tables (indexed by journey and instance): the database counts, so a journey with
 * 100k+ customers costs one aggregate query, not 100k rows in memory.
 */
@Repository
class JourneyStats {

	private final JdbcClient jdbc;

	JourneyStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Entries, conversions and revenue of one journey version, split by holdout. */
	record Totals(long entries, long conversions, long holdoutEntries, long holdoutConversions) {

		static final Totals NONE = new Totals(0, 0, 0, 0);

	}

	Map<String, Totals> totalsByDefinition() {
		Map<String, Totals> totals = new HashMap<>();
		this.jdbc.sql("""
				SELECT e.process_definition_id,
				  SUM(CASE WHEN e.holdout THEN 0 ELSE 1 END),
				  SUM(CASE WHEN NOT e.holdout AND c.process_instance_id IS NOT NULL THEN 1 ELSE 0 END),
				  SUM(CASE WHEN e.holdout THEN 1 ELSE 0 END),
				  SUM(CASE WHEN e.holdout AND c.process_instance_id IS NOT NULL THEN 1 ELSE 0 END)
				FROM encore_journey_entry e
				LEFT JOIN encore_conversion c ON c.process_instance_id = e.process_instance_id
				GROUP BY e.process_definition_id""").query((row) -> {
			totals.put(row.getString(1), new Totals(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)));
		});
		return totals;
	}

	/**
	 * Revenue of the converted customers outside the holdout, per journey version and
	 * currency: amounts in different currencies are never added up. A conversion whose
	 * event named no currency counts under {@code ""}.
	 */
	Map<String, Map<String, BigDecimal>> revenueByDefinition() {
		Map<String, Map<String, BigDecimal>> revenue = new HashMap<>();
		this.jdbc.sql("""
				SELECT e.process_definition_id, COALESCE(c.currency, ''), SUM(c.revenue)
				FROM encore_journey_entry e
				JOIN encore_conversion c ON c.process_instance_id = e.process_instance_id
				WHERE NOT e.holdout AND c.revenue IS NOT NULL
				GROUP BY e.process_definition_id, COALESCE(c.currency, '')""").query((row) -> {
			revenue.computeIfAbsent(row.getString(1), (id) -> new TreeMap<>())
				.put(row.getString(2), row.getBigDecimal(3));
		});
		return revenue;
	}

	/**
	 * Customers and conversions per branch of each random split of one journey version.
	 */
	/**
	 * What became of one send step's messages: sent, suppressed (by reason), deferred...
	 * per version of its template (decision 030; null when nothing was rendered).
	 */
	record MessageOutcome(String activityId, String status, String reason, String templateVersion, long count) {
	}

	/**
	 * Per send step, outcome and template version, over the journey's instances of every
	 * version; test sends are not the journey's (decision 029).
	 */
	List<MessageOutcome> messageOutcomes(String journeyKey) {
		return this.jdbc.sql("""
				SELECT activity_id, status, reason, template_version, COUNT(*) FROM encore_message_log
				WHERE journey_key = ? AND NOT test_send
				GROUP BY activity_id, status, reason, template_version ORDER BY activity_id, status, reason""")
			.param(journeyKey)
			.query((rs, i) -> new MessageOutcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list();
	}

	/**
	 * Entries (holdout included) and their conversions by the customer's last-touch
	 * source at entry; {@code source} null for entries without one.
	 */
	record SourceCount(String source, long entries, long conversions) {
	}

	/** Per source, most entries first. */
	List<SourceCount> bySource(String processDefinitionId) {
		return this.jdbc.sql("""
				SELECT e.source, COUNT(*), SUM(CASE WHEN c.process_instance_id IS NOT NULL THEN 1 ELSE 0 END)
				FROM encore_journey_entry e
				LEFT JOIN encore_conversion c ON c.process_instance_id = e.process_instance_id
				WHERE e.process_definition_id = ?
				GROUP BY e.source
				ORDER BY 2 DESC, COALESCE(e.source, '')""")
			.param(processDefinitionId)
			.query((row, i) -> new SourceCount(row.getString(1), row.getLong(2), row.getLong(3)))
			.list();
	}

	record BranchCount(String splitId, String branch, long size, long conversions) {
	}

	List<BranchCount> branches(String processDefinitionId) {
		return this.jdbc.sql("""
				SELECT a.split_id, a.branch, COUNT(*),
				  SUM(CASE WHEN c.process_instance_id IS NOT NULL THEN 1 ELSE 0 END)
				FROM encore_split_assignment a
				JOIN encore_journey_entry e ON e.process_instance_id = a.process_instance_id
				LEFT JOIN encore_conversion c ON c.process_instance_id = a.process_instance_id
				WHERE e.process_definition_id = ?
				GROUP BY a.split_id, a.branch
				ORDER BY a.split_id, a.branch""")
			.param(processDefinitionId)
			.query((row, i) -> new BranchCount(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)))
			.list();
	}

}
