package dev.encore.engine.intake;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How events come in ({@code encore.intake.*}); each default is written here once.
 *
 * @param maxAttempts how often one event is tried when the customer's journeys change
 * under it (a timer firing, another node); conflicts are never returned to the caller
 * before this
 * @param maxEventSize largest single event; larger ones get 413 (Segment's limit)
 * @param maxBatchSize largest batch request; larger ones get 413 (Segment's limit)
 * @param maxBatchItems most events in one batch (Segment's limit)
 * @param futureTolerance how far in the future an event's timestamp may lie (clock skew);
 * further ones get 400: clocks drift, a day does not
 * @param dedupeWindow how long Redis remembers an applied message id (SET NX EX), so
 * replays change nothing
 * @param retention how long event history ({@code encore_event}: what support sees, and
 * the database's dedupe) is kept; at least {@code dedupeWindow}
 * @param purgeScheduled whether this node purges old event history every
 * {@code purgeEvery} (tests purge themselves after moving the clock)
 * @param purgeEvery how often old event history is purged
 * @param liveWindow how old an event may be and still move journeys; an older one (an
 * order from last year sent late, a replayed backlog) is history: it updates the profile,
 * its aggregates and the event history, and starts, moves or ends no journey, so nothing
 * is sent for it. Imports ({@code POST /api/v1/imports}) are history whatever their age
 * @param segment the Segment-compatible API ({@code /v1/*})
 * @param kafka the events topic, used only when {@code spring.kafka.bootstrap-servers} is
 * set
 */
@Validated
@ConfigurationProperties("encore.intake")
public record IntakeProperties(@DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("32KB") DataSize maxEventSize,
		@DefaultValue("500KB") DataSize maxBatchSize, @DefaultValue("500") @Min(1) int maxBatchItems,
		@DefaultValue("PT24H") Duration futureTolerance, @DefaultValue("P7D") Duration dedupeWindow,
		@DefaultValue("P30D") Duration retention, @DefaultValue("true") boolean purgeScheduled,
		@DefaultValue("PT1H") Duration purgeEvery, @DefaultValue("P2D") Duration liveWindow,
		@DefaultValue Segment segment, @DefaultValue Kafka kafka) {

	public IntakeProperties {
		if (retention.compareTo(dedupeWindow) < 0) {
			// Once a row is purged only Redis remembers the id: keeping history shorter
			// than the dedupe window would let replays through without Redis.
			throw new IllegalArgumentException("encore.intake.retention must be at least encore.intake.dedupe-window");
		}
	}

	/**
	 * @param writeKeys accepted Segment write keys (HTTP Basic user name or
	 * {@code writeKey} in the body, as Segment's libraries send it); none: the Segment
	 * API answers 401
	 * @param allowedOrigins the shop's own origins ({@code https://shop.example.com})
	 * whose pages may call the Segment API from the browser (analytics.js); a browser
	 * call from any other origin is refused (403), and so is every one while none is
	 * listed
	 */
	record Segment(List<String> writeKeys, List<String> allowedOrigins) {

		/** An origin as a browser sends it: scheme, host, optional port; no path. */
		private static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s*?#@]+");

		Segment {
			writeKeys = writeKeys == null ? List.of() : writeKeys.stream().filter((key) -> !key.isBlank()).toList();
			allowedOrigins = allowedOrigins == null ? List.of()
					: allowedOrigins.stream()
						.filter((origin) -> !origin.isBlank())
						.map((origin) -> origin.trim().replaceAll("/$", ""))
						.toList();
			for (String origin : allowedOrigins) {
				if (!ORIGIN.matcher(origin).matches()) {
					throw new IllegalArgumentException("encore.intake.segment.allowed-origins: '" + origin
							+ "' is not an origin; list each shop origin as scheme://host[:port], no wildcard");
				}
			}
		}

	}

	/**
	 * @param topic events topic, keyed by customer id
	 * @param deadLetterTopic where poison records go; {@code <topic>.DLT} when not set
	 * @param concurrency consumer threads (at most the topic's partition count is useful)
	 * @param attempts how often a record that fails for good (a bug, bad data) is tried
	 * before it is dead-lettered
	 * @param maxBackOff longest wait between tries of a record while the database or
	 * Redis is unavailable (such a record is tried until it is applied, never
	 * dead-lettered)
	 * @param batch most records of one poll, applied together in one transaction and
	 * committed together after it (the consumer's {@code max.poll.records})
	 */
	record Kafka(@DefaultValue("encore.events") String topic, String deadLetterTopic,
			@DefaultValue("2") int concurrency, int attempts, Duration maxBackOff,
			@DefaultValue("100") @Min(1) int batch) {

		Kafka {
			deadLetterTopic = deadLetterTopic == null ? topic + ".DLT" : deadLetterTopic;
			concurrency = Math.max(1, concurrency);
			attempts = attempts < 1 ? 3 : attempts;
			maxBackOff = maxBackOff == null ? Duration.ofSeconds(30) : maxBackOff;
		}

	}

}
