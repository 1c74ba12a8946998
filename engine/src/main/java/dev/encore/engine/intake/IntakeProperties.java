package dev.encore.engine.intake;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxAttempts how often one event is tried when the customer's journeys change
 * under it (a timer firing, another node); conflicts are never returned to the caller
 * before this
 * @param maxEventSize largest single event (Segment's limit: 32 KB)
 * @param maxBatchSize largest batch request (Segment's limit: 500 KB)
 * @param maxBatchItems most events in one batch
 * @param futureTolerance how far in the future an event's timestamp may lie (clock skew)
 * @param dedupeWindow how long a message id is remembered in Redis
 * @param retention how long event history is kept; also the DB's dedupe window
 * @param purgeEvery how often old event history is purged
 */
@Validated
@ConfigurationProperties("encore.intake")
public record IntakeProperties(@Min(1) int maxAttempts, DataSize maxEventSize, DataSize maxBatchSize,
		@Min(1) int maxBatchItems, Duration futureTolerance, Duration dedupeWindow, Duration retention,
		Duration purgeEvery, Segment segment, Kafka kafka) {

	public IntakeProperties {
		maxEventSize = maxEventSize == null ? DataSize.ofKilobytes(32) : maxEventSize;
		maxBatchSize = maxBatchSize == null ? DataSize.ofKilobytes(500) : maxBatchSize;
		maxBatchItems = maxBatchItems == 0 ? 500 : maxBatchItems;
		futureTolerance = futureTolerance == null ? Duration.ofHours(24) : futureTolerance;
		dedupeWindow = dedupeWindow == null ? Duration.ofDays(7) : dedupeWindow;
		retention = retention == null ? Duration.ofDays(30) : retention;
		purgeEvery = purgeEvery == null ? Duration.ofHours(1) : purgeEvery;
		segment = segment == null ? new Segment(List.of()) : segment;
		kafka = kafka == null ? new Kafka(null, null, 0, 0, null) : kafka;
		if (retention.compareTo(dedupeWindow) < 0) {
			// Once a row is purged only Redis remembers the id: keeping history shorter
			// than
			// the dedupe window would let replays through without Redis.
			throw new IllegalArgumentException("encore.intake.retention must be at least encore.intake.dedupe-window");
		}
	}

	/**
	 * @param writeKeys accepted Segment write keys (HTTP Basic user name)
	 */
	record Segment(List<String> writeKeys) {

		Segment {
			writeKeys = writeKeys == null ? List.of() : writeKeys.stream().filter((key) -> !key.isBlank()).toList();
		}

	}

	/**
	 * @param topic events topic, keyed by customer id
	 * @param deadLetterTopic where poison records go
	 * @param concurrency consumer threads (at most the topic's partition count is useful)
	 * @param attempts how often a record that fails for good (a bug, bad data) is tried
	 * before it is dead-lettered
	 * @param maxBackOff longest wait between tries of a record while the database or
	 * Redis is unavailable (such a record is tried until it is applied, never
	 * dead-lettered)
	 */
	record Kafka(String topic, String deadLetterTopic, int concurrency, int attempts, Duration maxBackOff) {

		Kafka {
			topic = topic == null ? "encore.events" : topic;
			deadLetterTopic = deadLetterTopic == null ? topic + ".DLT" : deadLetterTopic;
			concurrency = concurrency < 1 ? 1 : concurrency;
			attempts = attempts < 1 ? 3 : attempts;
			maxBackOff = maxBackOff == null ? Duration.ofSeconds(30) : maxBackOff;
		}

	}

}
