package dev.encore.engine.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** One row per send attempt: what each journey step sent, or why it did not. */
@Repository
public class MessageLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	MessageLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records in the job's transaction: the row commits with the journey moving on. */
	void record(SendAttempt attempt, MessageStatus status, String reason, String providerMessageId) {
		this.jdbc.sql("""
				INSERT INTO encore_message_log (send_key, customer_id, journey_key, process_instance_id, activity_id,
				  channel, template_id, status, reason, provider_message_id, subject, preview, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(attempt.sendKey(), attempt.customerId(), attempt.journeyKey(), attempt.processInstanceId(),
					attempt.activityId(), attempt.channel().id(), attempt.templateId(), status.id(), reason,
					providerMessageId, attempt.subject(), attempt.preview(), Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Records in a transaction of its own, for an attempt whose job is about to fail and
	 * roll back: the failure stays visible to support.
	 */
	void recordFailureSurvivingRollback(SendAttempt attempt, String reason) {
		this.ownTransaction.executeWithoutResult((status) -> record(attempt, MessageStatus.FAILED, reason, null));
	}

	public List<Entry> forCustomer(String customerId) {
		return this.jdbc.sql("""
				SELECT journey_key, process_instance_id, activity_id, channel, template_id, status, reason,
				  provider_message_id, subject, preview, created_at
				FROM encore_message_log WHERE customer_id = ? ORDER BY created_at, id""")
			.param(customerId)
			.query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}

	/** A message-log row as support reads it. */
	public record Entry(String journey, String processInstanceId, String activityId, String channel, String templateId,
			String status, String reason, String providerMessageId, String subject, String preview, Instant createdAt) {
	}

}
