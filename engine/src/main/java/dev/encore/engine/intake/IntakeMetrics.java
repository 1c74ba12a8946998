package dev.encore.engine.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.InvalidEventException;

/**
 * Intake as operators watch it on /actuator/prometheus: events received, applied and
 * rejected per source, dead-lettered records, Kafka records retried through an outage,
 * and how long an event took to apply.
 */
@Component
class IntakeMetrics {

	private final MeterRegistry meters;

	private final Clock clock;

	private final Timer latency;

	private final Counter deadLettered;

	IntakeMetrics(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
		this.latency = Timer.builder("encore.events.apply.latency")
			.description("From receipt (or the event's timestamp, when later) to applied")
			.publishPercentileHistogram()
			.register(meters);
		this.deadLettered = meters.counter("encore.events.dlt");
	}

	void received(String source) {
		this.meters.counter("encore.events.received", "source", source).increment();
	}

	void rejected(String source) {
		this.meters.counter("encore.events.rejected", "source", source).increment();
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

	/** A Kafka record tried again because the database or Redis was unavailable. */
	void kafkaRetried(String reason) {
		this.meters.counter("encore.intake.kafka.retries", "reason", reason).increment();
	}

	/**
	 * Counts an applied event; latency from its timestamp, or from receipt for old ones.
	 */
	void applied(CustomerEvent event, Instant receivedAt) {
		this.meters.counter("encore.events.applied", "source", event.source()).increment();
		Instant from = event.timestamp().isAfter(receivedAt) || event.timestamp().isBefore(receivedAt.minusSeconds(60))
				? receivedAt : event.timestamp();
		this.latency.record(Duration.between(from, this.clock.instant()).abs());
	}

	<T> T rejectedOnFailure(String source, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (InvalidEventException ex) {
			rejected(source);
			throw ex;
		}
	}

}
