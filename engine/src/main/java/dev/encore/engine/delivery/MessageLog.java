package dev.encore.engine.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.store.CustomerData;

/**
 * One row per journey step's send (unique send key): what it sent, or why it did not. The
 * row is committed as {@code sending} before the provider call, so a job rerun after a
 * crash knows the provider may already hold the message.
 */
@Repository
public class MessageLog implements CustomerData {

	/**
	 * The template of a step that sends its channel's own message (a webhook envelope).
	 */
	static final String NO_TEMPLATE = "-";

	/** The step of a test send, which belongs to no journey instance. */
	static final String TEST_SEND_STEP = "test-send";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	MessageLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Where the step's send stands, if it was ever attempted. */
	Optional<MessageStatus> status(String sendKey) {
		return this.jdbc.sql("SELECT status FROM encore_message_log WHERE send_key = ?")
			.param(sendKey)
			.query(String.class)
			.optional()
			.map(MessageStatus::fromId);
	}

	/**
	 * Records in the job's transaction a step that ends without a provider call (no
	 * address, template error).
	 */
	void record(SendAttempt attempt, MessageStatus status, String reason) {
		insert(attempt, status, reason);
	}

	/**
	 * Commits {@code sending} on its own before the provider call: it survives a crash or
	 * a rollback of the job.
	 */
	void markSending(SendAttempt attempt) {
		this.ownTransaction.executeWithoutResult((tx) -> {
			int updated = this.jdbc.sql("""
					UPDATE encore_message_log SET status = ?, reason = NULL, attempts = attempts + 1, subject = ?,
					  preview = ?, template_version = ?, created_at = ? WHERE send_key = ?""")
				.params(MessageStatus.SENDING.id(), attempt.subject(), attempt.preview(), attempt.templateVersion(),
						now(), attempt.sendKey())
				.update();
			if (updated == 0) {
				insert(attempt, MessageStatus.SENDING, null);
			}
		});
	}

	/**
	 * Records the outcome in the job's transaction. {@code created_at} becomes the time
	 * of the outcome: conversions attribute to when a message was sent.
	 */
	void finish(String sendKey, MessageStatus status, String reason, String providerMessageId, Integer segments) {
		this.jdbc.sql("""
				UPDATE encore_message_log SET status = ?, reason = ?, provider_message_id = ?, segments = ?,
				  created_at = ? WHERE send_key = ?""")
			.params(status.id(), reason, providerMessageId, segments, now(), sendKey)
			.update();
	}

	/**
	 * Records a deferral for a job about to end without sending (its transaction rolls
	 * back): one row per step, {@code deferred} until the job is due again.
	 */
	void deferSurvivingRollback(SendAttempt attempt, String reason, Instant until) {
		this.ownTransaction.executeWithoutResult((tx) -> {
			if (status(attempt.sendKey()).isEmpty()) {
				insert(attempt, MessageStatus.DEFERRED, reason);
			}
			this.jdbc.sql("""
					UPDATE encore_message_log SET status = ?, reason = ?, deferred_until = ?, created_at = ?
					WHERE send_key = ?""")
				.params(MessageStatus.DEFERRED.id(), reason, Timestamp.from(until), now(), attempt.sendKey())
				.update();
		});
	}

	/** Records the outcome for a job about to fail and roll back: it stays visible. */
	void finishSurvivingRollback(String sendKey, MessageStatus status, String reason) {
		this.ownTransaction.executeWithoutResult((tx) -> finish(sendKey, status, reason, null, null));
	}

	private void insert(SendAttempt attempt, MessageStatus status, String reason) {
		this.jdbc.sql("""
				INSERT INTO encore_message_log (send_key, customer_id, journey_key, process_instance_id, activity_id,
				  channel, template_id, status, reason, subject, preview, template_version, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(attempt.sendKey(), attempt.customerId(), attempt.journeyKey(), attempt.processInstanceId(),
					attempt.activityId(), attempt.channel().id(),
					attempt.templateId() == null ? NO_TEMPLATE : attempt.templateId(), status.id(), reason,
					attempt.subject(), attempt.preview(), attempt.templateVersion(), now())
			.update();
	}

	/**
	 * Records a marketer's test send with its outcome (decision 029): flagged, under its
	 * own key, so no cap, send-once check, conversion or figure counts it.
	 */
	void recordTestSend(TestSend send, MessageStatus status, String reason, String providerMessageId) {
		this.jdbc.sql("""
				INSERT INTO encore_message_log (send_key, customer_id, journey_key, process_instance_id, activity_id,
				  channel, template_id, status, reason, provider_message_id, subject, preview, template_version,
				  test_send, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)""")
			.params(send.sendKey(), send.customerId(), send.journeyKey(), NO_TEMPLATE, TEST_SEND_STEP, send.channel(),
					send.templateId(), status.id(), reason, providerMessageId, send.subject(), send.preview(),
					send.templateVersion(), now())
			.update();
	}

	/**
	 * What a test send logs: no journey instance, a key of its own.
	 *
	 * @param customerId the customer it was rendered for, {@code -} for a sample profile
	 * @param journeyKey the journey whose settings it used, {@code -} for none
	 */
	record TestSend(String sendKey, String customerId, String journeyKey, String channel, String templateId,
			String subject, String preview, String templateVersion) {
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	public List<Entry> forCustomer(String customerId) {
		return this.jdbc.sql("""
				SELECT journey_key, process_instance_id, activity_id, channel, template_id, status, reason,
				  provider_message_id, subject, preview, created_at, deferred_until, template_version, test_send
				FROM encore_message_log WHERE customer_id = ? ORDER BY created_at, id""")
			.param(customerId)
			.query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getTimestamp(11).toInstant(),
					rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13),
					rs.getBoolean(14)))
			.list();
	}

	/**
	 * Erasure keeps the rows for journey statistics but under the pseudonym, without
	 * subject and preview (they may name the customer).
	 */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.sql("""
				UPDATE encore_message_log SET customer_id = ?, subject = NULL, preview = NULL
				WHERE customer_id = ?""").params(pseudonym, customerId).update();
	}

	/**
	 * A message-log row as support reads it.
	 *
	 * @param templateVersion the deployment whose template was sent, or {@code classpath}
	 * (decision 030); null when nothing was rendered
	 * @param test a marketer's test send (decision 029), not a journey's message
	 */
	public record Entry(String journey, String processInstanceId, String activityId, String channel, String templateId,
			String status, String reason, String providerMessageId, String subject, String preview, Instant createdAt,
			Instant deferredUntil, String templateVersion, boolean test) {
	}

}
