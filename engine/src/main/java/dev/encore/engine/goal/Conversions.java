package dev.encore.engine.goal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.encore.engine.journey.JourneyEntries;
import dev.encore.engine.store.CustomerData;

/**
 * Goal conversions (table {@code encore_conversion}): at most one per journey instance,
 * credited to its branch and to the last message the journey sent before it.
 */
@Repository
public class Conversions implements CustomerData {

	private final JdbcTemplate jdbc;

	Conversions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One journey instance's conversion. */
	public record Conversion(String processInstanceId, String journeyKey, String customerId, String branch,
			boolean holdout, String eventMessageId, String eventName, BigDecimal revenue, String currency,
			String lastSendKey, String lastTemplateId, Instant convertedAt) {
	}

	boolean exists(String processInstanceId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM encore_conversion WHERE process_instance_id = ?",
				Long.class, processInstanceId) > 0;
	}

	void record(Conversion conversion) {
		this.jdbc.update("""
				INSERT INTO encore_conversion (process_instance_id, journey_key, customer_id, branch, holdout,
				  event_message_id, event_name, revenue, currency, last_send_key, last_template_id, converted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", conversion.processInstanceId(), conversion.journeyKey(),
				conversion.customerId(), conversion.branch(), conversion.holdout(), conversion.eventMessageId(),
				conversion.eventName(), conversion.revenue(), conversion.currency(), conversion.lastSendKey(),
				conversion.lastTemplateId(), Timestamp.from(conversion.convertedAt()));
	}

	/** The last message a journey instance sent at or before the given time, if any. */
	LastMessage lastMessageBefore(JourneyEntries.Entry entry, Instant at) {
		List<LastMessage> last = this.jdbc.query("""
				SELECT send_key, template_id FROM encore_message_log
				WHERE process_instance_id = ? AND status = 'sent' AND NOT test_send AND created_at <= ?
				ORDER BY created_at DESC, id DESC LIMIT 1""",
				(row, i) -> new LastMessage(row.getString(1), row.getString(2)), entry.processInstanceId(),
				Timestamp.from(at));
		return last.isEmpty() ? new LastMessage(null, null) : last.get(0);
	}

	public List<Conversion> forCustomer(String customerId) {
		return this.jdbc.query("""
				SELECT process_instance_id, journey_key, customer_id, branch, holdout, event_message_id, event_name,
				  revenue, currency, last_send_key, last_template_id, converted_at
				FROM encore_conversion WHERE customer_id = ? ORDER BY converted_at""",
				(row, i) -> new Conversion(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						row.getBoolean(5), row.getString(6), row.getString(7), row.getBigDecimal(8), row.getString(9),
						row.getString(10), row.getString(11), row.getTimestamp(12).toInstant()),
				customerId);
	}

	/** Erasure keeps the conversions for journey figures, under the pseudonym. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.update("UPDATE encore_conversion SET customer_id = ? WHERE customer_id = ?", pseudonym,
				customerId);
	}

	record LastMessage(String sendKey, String templateId) {
	}

}
