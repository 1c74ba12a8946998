package dev.encore.engine.profile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;

/**
 * The daily churn early-warning scan. Once a day one node claims the run
 * ({@link ScheduledRuns}) and emits {@code Churn Risk Detected} for each customer showing
 * a signal. A risk episode lasts from one counted order to the next: the event's id is
 * derived from the customer and their last order, so the event history lets it through
 * once per episode, even when two nodes scan at the same time.
 */
@Component
public class ChurnScan {

	private static final Logger log = LoggerFactory.getLogger(ChurnScan.class);

	static final String TASK = "churn-scan";

	private final ProfileStore store;

	private final EventSink events;

	private final ScheduledRuns runs;

	private final ProfileProperties properties;

	private final Clock clock;

	ChurnScan(ProfileStore store, EventSink events, ScheduledRuns runs, ProfileProperties properties, Clock clock) {
		this.store = store;
		this.events = events;
		this.runs = runs;
		this.properties = properties;
		this.clock = clock;
	}

	/** How often a node asks whether today's scan is due ({@link ProfileSchedule}). */
	public Duration checkEvery() {
		return this.properties.churn().checkEvery();
	}

	/** Scans when no node has scanned today (UTC); whether this call did. */
	public boolean runIfDue() {
		if (!this.runs.claim(TASK, LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString())) {
			return false;
		}
		scan();
		return true;
	}

	/** Scans every profile now; the number of risk events emitted (new episodes). */
	public int scan() {
		Instant now = this.clock.instant();
		AtomicInteger emitted = new AtomicInteger();
		this.store.forEach((profile) -> {
			OrderStats stats = profile.orders().stats(this.properties.priceBands());
			ChurnRisk risk = ChurnRisk.of(profile, stats, now, this.properties.churn());
			if (risk.detected() && emit(profile, stats, risk, now)) {
				emitted.incrementAndGet();
			}
		});
		log.info("Churn scan done: {} new risk episodes", emitted.get());
		return emitted.get();
	}

	private boolean emit(CustomerProfile profile, OrderStats stats, ChurnRisk risk, Instant now) {
		try {
			boolean applied = this.events.process(event(profile, stats, risk, now)) == EventSink.Outcome.APPLIED;
			if (applied) {
				log.info("Churn risk {} ({}) detected for customer={}", risk.signals(), risk.severity(),
						profile.customerId());
			}
			return applied;
		}
		catch (RuntimeException ex) {
			// One customer's busy journeys must not stop the scan; tomorrow's scan
			// retries the same episode id.
			log.warn("Churn risk event for customer={} not applied: {}", profile.customerId(), ex.toString());
			return false;
		}
	}

	private static CustomerEvent event(CustomerProfile profile, OrderStats stats, ChurnRisk risk, Instant now) {
		String episode = profile.customerId() + "|" + stats.lastOrderAt();
		String messageId = "churn-" + UUID.nameUUIDFromBytes(episode.getBytes(StandardCharsets.UTF_8));
		return new CustomerEvent(messageId, EventType.TRACK, EventNames.CHURN_RISK_DETECTED, profile.customerId(), now,
				Map.of("signal", risk.signals().get(0), "signals", risk.signals(), "severity", risk.severity(),
						"lastOrderAt", stats.lastOrderAt().toString()),
				Map.of(), EventNames.INTERNAL_SOURCE);
	}

}
