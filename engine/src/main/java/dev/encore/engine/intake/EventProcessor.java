package dev.encore.engine.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.correlation.JourneyCorrelator;
import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.profile.ProfileUpdater;

/**
 * The one path every storefront event takes, whichever way it arrived: dedupe, profile,
 * journeys. One customer at a time and in order; the journey changes commit together with
 * the dedupe record, and the profile (outside the database) is put back when they do not,
 * so an event is applied once or not at all.
 */
@Service
public class EventProcessor implements EventSink {

	private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

	private final CustomerLocks locks;

	private final EventHistory history;

	private final ProfileUpdater profiles;

	private final JourneyCorrelator correlator;

	private final TransactionTemplate transactions;

	private final IntakeProperties properties;

	private final RecentMessageIds recent;

	private final IntakeMetrics metrics;

	private final Clock clock;

	EventProcessor(CustomerLocks locks, EventHistory history, ProfileUpdater profiles, JourneyCorrelator correlator,
			TransactionTemplate transactions, IntakeProperties properties, RecentMessageIds recent,
			IntakeMetrics metrics, Clock clock) {
		this.recent = recent;
		this.metrics = metrics;
		this.clock = clock;
		this.locks = locks;
		this.history = history;
		this.profiles = profiles;
		this.correlator = correlator;
		this.transactions = transactions;
		this.properties = properties;
	}

	@Override
	public Outcome process(CustomerEvent event) {
		Instant receivedAt = this.clock.instant();
		if (this.recent.seen(event.messageId())) {
			log.debug("Duplicate event {} of customer={} ignored (Redis)", event.messageId(), event.customerId());
			return Outcome.DUPLICATE;
		}
		Outcome outcome = this.locks.withLock(event.customerId(), () -> applyWithRetries(event));
		// Only now, after the commit: a failed attempt must not look like a duplicate
		// later.
		this.recent.remember(event.messageId());
		if (outcome == Outcome.APPLIED) {
			this.metrics.applied(event, receivedAt);
		}
		return outcome;
	}

	private Outcome applyWithRetries(CustomerEvent event) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> apply(event));
			}
			catch (RuntimeException ex) {
				// Another transaction (a timer job, another node) changed this customer's
				// journeys or recorded the same event: try again on fresh state.
				if (!TransientConflict.isCause(ex)) {
					throw ex;
				}
				if (attempt >= this.properties.maxAttempts()) {
					throw new EventConflictException(event, attempt, ex);
				}
				log.debug("Retrying event {} of customer={} after conflict (attempt {})", event.messageId(),
						event.customerId(), attempt);
				LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 10_000_000L) * attempt);
			}
		}
	}

	private Outcome apply(CustomerEvent event) {
		if (this.history.contains(event.messageId())) {
			log.debug("Duplicate event {} of customer={} ignored", event.messageId(), event.customerId());
			return Outcome.DUPLICATE;
		}
		this.history.record(event);
		List<CustomerEvent> derived = this.profiles.apply(event);
		this.correlator.correlate(event);
		for (CustomerEvent internal : derived) {
			// Internal events (Lifecycle Stage Changed) move journeys in the same
			// transaction; their ids derive from the cause, so replays dedupe.
			if (!this.history.contains(internal.messageId())) {
				this.history.record(internal);
				this.correlator.correlate(internal);
			}
		}
		log.info("Applied {} '{}' customer={} messageId={}", event.type().id(),
				event.name() == null ? "" : event.name(), event.customerId(), event.messageId());
		return Outcome.APPLIED;
	}

}
