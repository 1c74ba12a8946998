package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JsonDeserializer;
import org.springframework.kafka.support.serializer.JsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.encore.engine.event.InvalidEventException;

/**
 * The events topic, only when {@code spring.kafka.bootstrap-servers} is set. A poll (at
 * most {@code encore.intake.kafka.batch} records) is applied together and its offsets
 * committed after that commit. A record that cannot be applied as it is goes to the
 * dead-letter topic with the reason and its origin in headers: at once when it is
 * unparseable or invalid, after {@code encore.intake.kafka.attempts} tries for any other
 * failure that is not {@link TransientFailure transient}, so no record stalls its
 * partition. A transient failure (a busy customer, Redis or the database down) is retried
 * with exponential back-off capped at {@code max-back-off} until it passes, blocking only
 * its partition, so per-customer order holds. See docs/decisions/003-intake-paths.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class KafkaIntakeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaIntakeConfiguration.class);

	/**
	 * Why a record was dead-lettered, in one line (Spring adds the exception headers).
	 */
	static final String REASON_HEADER = "encore-dlt-reason";

	@Bean
	ConcurrentMessageListenerContainer<String, JsonNode> encoreEventsContainer(KafkaProperties kafka,
			IntakeProperties properties, EventProcessor processor, EventRules rules, IntakeMetrics metrics,
			ObjectMapper json) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
		config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "encore");
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.kafka().batch());
		JsonDeserializer<JsonNode> values = new JsonDeserializer<>(JsonNode.class, json, false);
		var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ErrorHandlingDeserializer<>(values));
		ContainerProperties container = new ContainerProperties(properties.kafka().topic());
		container.setAckMode(ContainerProperties.AckMode.BATCH);
		// On shutdown, stop after the poll in hand (its offsets committed) instead of
		// working through what was fetched, which could outlast the shutdown timeout and
		// meet a closed database half-way.
		container.setStopImmediate(true);
		container.setMessageListener(new KafkaEventListener(processor, rules, metrics));
		var listener = new ConcurrentMessageListenerContainer<>(consumers, container);
		listener.setConcurrency(properties.kafka().concurrency());
		listener.setCommonErrorHandler(errorHandler(kafka, properties, metrics, json));
		return listener;
	}

	private static DefaultErrorHandler errorHandler(KafkaProperties kafka, IntakeProperties properties,
			IntakeMetrics metrics, ObjectMapper json) {
		Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
		byType.put(byte[].class, new ByteArraySerializer());
		byType.put(Object.class, new JsonSerializer<>(json));
		@SuppressWarnings({ "unchecked", "rawtypes" })
		DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(null), (Serializer) new StringSerializer(),
				new DelegatingByTypeSerializer(byType, true));
		IntakeProperties.Kafka settings = properties.kafka();
		String deadLetterTopic = settings.deadLetterTopic();
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
				(record, ex) -> new TopicPartition(deadLetterTopic, -1));
		deadLetters.setHeadersFunction((record, ex) -> new RecordHeaders()
			.add(new RecordHeader(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8))));
		ExponentialBackOff outage = new ExponentialBackOff(200, 2.0);
		outage.setMaxInterval(settings.maxBackOff().toMillis());
		FixedBackOff deterministic = new FixedBackOff(500, settings.attempts() - 1);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			deadLetters.accept(record, ex);
			metrics.deadLettered();
			log.warn("Record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
					reason(ex));
		}, outage);
		// Asked again whenever a record fails differently from its last try: a record
		// that met an outage and then a bug is dead-lettered after all.
		handler.setBackOffFunction((record, ex) -> TransientFailure.reasonOf(ex).isPresent() ? outage : deterministic);
		handler
			.setRetryListeners((record, ex, attempt) -> TransientFailure.reasonOf(ex).ifPresent(metrics::kafkaRetried));
		handler.addNotRetryableExceptions(InvalidEventException.class);
		return handler;
	}

	/**
	 * An invalid event's problem as it is; for any other failure the exception and, when
	 * it wraps one, the root cause, each with the first line of its message.
	 */
	static String reason(Exception ex) {
		Throwable failure = ex;
		while ((failure instanceof ListenerExecutionFailedException || failure instanceof BatchListenerFailedException)
				&& failure.getCause() != null) {
			failure = failure.getCause();
		}
		if (failure instanceof InvalidEventException invalid) {
			return invalid.getMessage();
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == failure ? described(failure) : described(failure) + " <- " + described(root);
	}

	private static String described(Throwable failure) {
		String message = failure.getMessage() == null ? "" : failure.getMessage();
		int newline = message.indexOf('\n');
		message = newline < 0 ? message : message.substring(0, newline);
		message = message.length() > 300 ? message.substring(0, 300) + "…" : message;
		return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

	@Bean
	KafkaHealth kafkaHealthIndicator(KafkaAdmin admin,
			ConcurrentMessageListenerContainer<String, JsonNode> encoreEventsContainer) {
		return new KafkaHealth(admin, encoreEventsContainer);
	}

}
