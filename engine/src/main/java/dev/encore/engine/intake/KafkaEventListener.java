package dev.encore.engine.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.MessageListener;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.InvalidEventException;

/**
 * Applies one record of the events topic through the one path. Returning normally lets
 * the container commit the offset: only after the event is applied (or known as a
 * duplicate). An invalid event throws {@link InvalidEventException}, which the error
 * handler sends to the dead-letter topic at once; other failures are retried, for a few
 * attempts or, when {@link TransientFailure transient}, until they pass.
 */
class KafkaEventListener implements MessageListener<String, JsonNode> {

	private static final Logger log = LoggerFactory.getLogger(KafkaEventListener.class);

	private final EventProcessor processor;

	private final EventRules rules;

	private final IntakeMetrics metrics;

	KafkaEventListener(EventProcessor processor, EventRules rules, IntakeMetrics metrics) {
		this.processor = processor;
		this.rules = rules;
		this.metrics = metrics;
	}

	@Override
	public void onMessage(ConsumerRecord<String, JsonNode> record) {
		this.metrics.received("kafka");
		CustomerEvent event = this.metrics.rejectedOnFailure("kafka", () -> {
			if (record.value() == null || record.value().isNull()) {
				throw new InvalidEventException("value", "must be an event, not empty");
			}
			return this.rules.fromJson(record.value(), "kafka");
		});
		if (record.key() != null && !record.key().equals(event.customerId())) {
			// Order is per key: a record keyed otherwise may overtake its customer's
			// others.
			log.warn("Record {}-{}@{} is keyed '{}' but belongs to customer={}", record.topic(), record.partition(),
					record.offset(), record.key(), event.customerId());
		}
		this.processor.process(event);
	}

}
