package dev.encore.engine.intake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.InvalidEventException;

/**
 * Applies a poll of the events topic through the one path, together. Returning normally
 * lets the container commit the poll's offsets: only after its events are applied (or
 * known as duplicates). A record that fails is named to the error handler by its index
 * ({@link BatchListenerFailedException}): the records before it are committed, it is
 * dead-lettered at once when unreadable or invalid and otherwise tried again (for a few
 * attempts, or until it passes when {@link TransientFailure transient}), and the ones
 * after it come again.
 */
class KafkaEventListener implements BatchMessageListener<String, JsonNode> {

	private static final Logger log = LoggerFactory.getLogger(KafkaEventListener.class);

	private static final LogAccessor LOGS = new LogAccessor(KafkaEventListener.class);

	private final EventProcessor processor;

	private final EventRules rules;

	private final IntakeMetrics metrics;

	KafkaEventListener(EventProcessor processor, EventRules rules, IntakeMetrics metrics) {
		this.processor = processor;
		this.rules = rules;
		this.metrics = metrics;
	}

	@Override
	public void onMessage(List<ConsumerRecord<String, JsonNode>> records) {
		List<CustomerEvent> events = new ArrayList<>();
		RuntimeException invalid = null;
		for (ConsumerRecord<String, JsonNode> record : records) {
			try {
				events.add(event(record));
			}
			catch (InvalidEventException | DeserializationException ex) {
				invalid = ex;
				break;
			}
		}
		// The valid records before an invalid one first: the handler commits up to it.
		apply(events);
		if (invalid != null) {
			this.metrics.received("kafka");
			this.metrics.rejected("kafka");
			throw new BatchListenerFailedException(invalid.getMessage(), invalid, events.size());
		}
	}

	private CustomerEvent event(ConsumerRecord<String, JsonNode> record) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOGS);
		if (unreadable != null) {
			throw unreadable;
		}
		if (record.value() == null || record.value().isNull()) {
			throw new InvalidEventException("value", "must be an event, not empty");
		}
		CustomerEvent event = this.rules.fromJson(record.value(), "kafka");
		if (record.key() != null && !record.key().equals(event.customerId())) {
			// Order is per key: a record keyed otherwise may overtake its customer's
			// others.
			log.warn("Record {}-{}@{} is keyed '{}' but belongs to customer={}", record.topic(), record.partition(),
					record.offset(), record.key(), event.customerId());
		}
		return event;
	}

	/**
	 * Events of the poll's first records, in record order (index = record index). Counted
	 * as received once tried: the records after a failed one come again.
	 */
	private void apply(List<CustomerEvent> events) {
		try {
			this.processor.processAll(events);
			received(events.size());
		}
		catch (EventBatchException ex) {
			received(ex.index() + 1);
			throw new BatchListenerFailedException(ex.getMessage(), ex.getCause(), ex.index());
		}
		catch (RuntimeException ex) {
			// An outage: nothing is known to be applied, the whole poll comes again
			// (what was applied is a duplicate then).
			received(1);
			throw new BatchListenerFailedException(ex.getMessage(), ex, 0);
		}
	}

	private void received(int records) {
		for (int i = 0; i < records; i++) {
			this.metrics.received("kafka");
		}
	}

}
