package dev.encore.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.intake.EventProcessor;

/** The doors and gauges of a running Encore a benchmark uses. */
final class Harness {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String JOURNEY = "AbandonedCart";

	final KafkaTemplate<String, String> kafka;

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI events;

	private final URI batches;

	private final EventProcessor processor;

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final JobExecutor jobExecutor;

	private final boolean postgres;

	@SuppressWarnings("unchecked")
	Harness(ConfigurableApplicationContext encore) {
		int port = ((WebServerApplicationContext) encore).getWebServer().getPort();
		this.events = URI.create("http://127.0.0.1:" + port + "/api/v1/events");
		this.batches = URI.create("http://127.0.0.1:" + port + "/api/v1/events/batch");
		this.kafka = encore.getBean(KafkaTemplate.class);
		this.processor = encore.getBean(EventProcessor.class);
		this.jdbc = encore.getBean(JdbcClient.class);
		this.runtime = encore.getBean(RuntimeService.class);
		this.management = encore.getBean(ManagementService.class);
		this.postgres = encore.getEnvironment().acceptsProfiles(org.springframework.core.env.Profiles.of("postgres"));
		this.jobExecutor = ((ProcessEngineConfigurationImpl) encore.getBean(ProcessEngine.class)
			.getProcessEngineConfiguration()).getJobExecutor();
	}

	/** As a storefront: the answer comes after the commit. */
	void post(Map<String, Object> event, Histogram latency) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.events)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		latency.recordValue((System.nanoTime() - start) / 1000);
		if (response.statusCode() != 202) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
	}

	/** As a storefront posting a batch: every item must come back accepted. */
	void postBatch(List<Map<String, Object>> batch, Histogram latency) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.batches)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("batch", batch))))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		latency.recordValue((System.nanoTime() - start) / 1000);
		if (response.statusCode() != 202) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		for (JsonNode result : JSON.readTree(response.body()).path("results")) {
			if (!"accepted".equals(result.path("status").asText())) {
				throw new IllegalStateException("Batch item not accepted: " + result);
			}
		}
	}

	/**
	 * Microseconds from each event's timestamp to its recording, for the customers'
	 * events stamped after {@code since}.
	 */
	Histogram eventToApplied(String customerPrefix, Instant since) {
		Histogram histogram = new Histogram(3);
		this.jdbc
			.sql("SELECT occurred_at, received_at FROM encore_event WHERE customer_id LIKE ? AND occurred_at >= ?"
					+ " AND source <> 'encore'")
			.params(customerPrefix + "%", Timestamp.from(since))
			.query((row,
					i) -> Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()).toNanos()
							/ 1000)
			.list()
			.forEach((micros) -> histogram.recordValue(Math.max(0, micros)));
		return histogram;
	}

	/**
	 * The database's own counters (PostgreSQL's {@code pg_stat_database}: commits and
	 * rows inserted, updated, deleted, fetched), empty on H2. Flushed by the server about
	 * once a second, so read them a little after the work.
	 */
	Map<String, Long> databaseCounters() {
		if (!this.postgres) {
			return Map.of();
		}
		return this.jdbc.sql("""
				SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched
				FROM pg_stat_database WHERE datname = current_database()""").query((row, i) -> {
			Map<String, Long> counters = new LinkedHashMap<>();
			counters.put("commits", row.getLong(1));
			counters.put("rows inserted", row.getLong(2));
			counters.put("rows updated", row.getLong(3));
			counters.put("rows deleted", row.getLong(4));
			counters.put("rows fetched", row.getLong(5));
			return counters;
		}).single();
	}

	/**
	 * Starts counting statements afresh when PostgreSQL keeps {@code pg_stat_statements}
	 * (loaded by {@code shared_preload_libraries}); false when it does not.
	 */
	boolean statementsReset() {
		if (!this.postgres) {
			return false;
		}
		try {
			this.jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
			this.jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The statements this database ran since {@link #statementsReset()}, the most buffer
	 * reads first (what "rows fetched" costs): calls, rows returned and shared buffers
	 * read per {@code events}, and the statement's start.
	 */
	List<String> statementsPer(long events, int limit) {
		return this.jdbc
			.sql("""
					SELECT s.calls, s.rows, s.shared_blks_hit + s.shared_blks_read, regexp_replace(s.query, '\\s+', ' ', 'g')
					FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
					WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat%' AND s.query NOT ILIKE 'analyze%'
					ORDER BY s.shared_blks_hit + s.shared_blks_read DESC LIMIT ?""")
			.param(limit)
			.query((row, i) -> {
				String query = row.getString(4);
				return String.format("%.2f calls, %.2f rows, %.1f buffers: %s", row.getLong(1) / (double) events,
						row.getLong(2) / (double) events, row.getLong(3) / (double) events,
						query.substring(0, Math.min(160, query.length())));
			})
			.list();
	}

	/** Through the one intake path, in process: no HTTP in the way. */
	@SuppressWarnings("unchecked")
	void apply(Map<String, Object> event) {
		this.processor.process(new CustomerEvent((String) event.get("messageId"),
				EventType.fromId((String) event.get("type")), (String) event.get("event"), (String) event.get("userId"),
				Instant.parse((String) event.get("timestamp")), (Map<String, Object>) event.get("properties"),
				(Map<String, Object>) event.get("traits"), "bench"));
	}

	long events(String customerPrefix) {
		return this.jdbc.sql("SELECT COUNT(*) FROM encore_event WHERE customer_id LIKE ? AND source <> 'encore'")
			.param(customerPrefix + "%")
			.query(Long.class)
			.single();
	}

	List<String> waitingCarts(int limit) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.active()
			.listPage(0, limit)
			.stream()
			.map((instance) -> instance.getBusinessKey())
			.toList();
	}

	boolean hasActiveCart(String customer) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customer)
			.count() > 0;
	}

	long activeCarts() {
		return this.runtime.createProcessInstanceQuery().processDefinitionKey(JOURNEY).count();
	}

	/** Waiting carts in the journey's holdout: they wait like the others, unmessaged. */
	long holdoutCarts() {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.variableValueEquals("holdout", true)
			.count();
	}

	long dueTimers() {
		return this.management.createJobQuery().timers().executable().count();
	}

	/** The due date of the n-th earliest timer. */
	Instant timerDueAt(int n) {
		return this.jdbc
			.sql("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE TYPE_ = 'timer' ORDER BY DUEDATE_ OFFSET ? ROWS"
					+ " FETCH FIRST 1 ROWS ONLY")
			.param(n - 1)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	long timersDueBy(Instant clock) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ <= ?")
			.param(Timestamp.from(clock))
			.query(Long.class)
			.single();
	}

	/**
	 * Stops the job executor while customers enter: with a million of them entry takes
	 * about as long as the first wait, and the first timers must not fire before the
	 * timer phase.
	 */
	void pauseJobs() {
		this.jobExecutor.shutdown();
	}

	void resumeJobs() {
		this.jobExecutor.start();
	}

	long dueJobs() {
		return this.management.createJobQuery().executable().count();
	}

	long sent() {
		return this.jdbc.sql("SELECT COUNT(*) FROM encore_message_log WHERE status = 'sent'")
			.query(Long.class)
			.single();
	}

	/** Of the messages sent, those of the cart journey. */
	long cartRemindersSent() {
		return this.jdbc.sql("SELECT COUNT(*) FROM encore_message_log WHERE status = 'sent' AND journey_key = ?")
			.param(JOURNEY)
			.query(Long.class)
			.single();
	}

	/** The log's last id, to count what a phase logged after it. */
	long lastMessageId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM encore_message_log").query(Long.class).single();
	}

	/**
	 * Messages logged after {@code afterId} and not sent, as "status reason" with their
	 * count.
	 */
	Map<String, Long> unsentAfter(long afterId) {
		Map<String, Long> unsent = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT status, reason, COUNT(*) AS n FROM encore_message_log WHERE id > ? AND status <> 'sent' "
					+ "GROUP BY status, reason ORDER BY n DESC")
			.param(afterId)
			.query((row, i) -> unsent.put(row.getString("status") + " " + row.getString("reason"), row.getLong("n")))
			.list();
		return unsent;
	}

}
