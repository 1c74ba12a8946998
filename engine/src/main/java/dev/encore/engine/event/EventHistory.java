package dev.encore.engine.event;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.encore.engine.store.CustomerData;

/**
 * Every accepted event per customer, once: the dedupe record, the data a journey's
 * messages read about the event that started it, and what support sees.
 */
@Repository
public class EventHistory implements CustomerData {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final ObjectMapper json;

	EventHistory(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, ObjectMapper json) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.json = json;
	}

	public boolean contains(String messageId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM encore_event WHERE message_id = ?")
			.param(messageId)
			.query(Long.class)
			.single() > 0;
	}

	/** Of the given message ids, those already recorded: one query for a whole batch. */
	public Set<String> known(Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Set.of();
		}
		Set<String> found = new HashSet<>(
				this.jdbc.sql("SELECT message_id FROM encore_event WHERE message_id IN (:ids)")
					.param("ids", messageIds)
					.query(String.class)
					.list());
		Set<String> known = new HashSet<>();
		messageIds.stream().filter(found::contains).forEach(known::add);
		if (known.size() < found.size()) {
			// The database matched an id it stores differently from how it was sent (a
			// lone surrogate becomes '?'): ask for each the way it compares.
			messageIds.stream().filter((id) -> !known.contains(id) && contains(id)).toList().forEach(known::add);
		}
		return known;
	}

	/**
	 * Fails with a duplicate-key error when another node recorded the same id meanwhile.
	 */
	public void record(CustomerEvent event) {
		recordAll(List.of(event));
	}

	/** {@link #record} for many events in one statement batch. */
	public void recordAll(List<CustomerEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbcTemplate.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
			statement.setString(1, event.messageId());
			statement.setString(2, event.customerId());
			statement.setString(3, event.type().id());
			statement.setString(4, event.name());
			statement.setTimestamp(5, Timestamp.from(event.timestamp()));
			statement.setTimestamp(6, now);
			statement.setString(7, event.source());
			statement.setString(8, write(event.properties()));
		});
	}

	private static final String INSERT = """
			INSERT INTO encore_event
			  (message_id, customer_id, event_type, event_name, occurred_at, received_at, source, properties)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	/** The event a journey step refers to, with its properties. */
	public Optional<RecordedEvent> find(String messageId) {
		return this.jdbc.sql(SELECT + " WHERE message_id = ?").param(messageId).query(this::row).optional();
	}

	public List<RecordedEvent> forCustomer(String customerId) {
		return this.jdbc.sql(SELECT + " WHERE customer_id = ? ORDER BY received_at, id")
			.param(customerId)
			.query(this::row)
			.list();
	}

	private static final String SELECT = """
			SELECT message_id, event_type, event_name, occurred_at, received_at, source, properties
			FROM encore_event""";

	private RecordedEvent row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
		return new RecordedEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				rs.getTimestamp(5).toInstant(), rs.getString(6), read(rs.getString(7)));
	}

	private String write(Map<String, Object> properties) {
		try {
			return this.json.writeValueAsString(properties);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidEventException("properties", "must be JSON");
		}
	}

	private Map<String, Object> read(String properties) {
		try {
			return properties == null ? Map.of() : this.json.readValue(properties, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable event properties", ex);
		}
	}

	/** Erasure deletes the customer's events. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.sql("DELETE FROM encore_event WHERE customer_id = ?").param(customerId).update();
	}

	/** An event as support and templates see it. */
	public record RecordedEvent(String messageId, String type, String name, Instant occurredAt, Instant receivedAt,
			String source, Map<String, Object> properties) {

		/**
		 * The event as templates read it: {@code event.name},
		 * {@code event.properties.value}...
		 */
		public Map<String, Object> toTemplateData() {
			return Map.of("name", this.name == null ? "" : this.name, "messageId", this.messageId, "timestamp",
					this.occurredAt.toString(), "properties", this.properties);
		}

	}

}
