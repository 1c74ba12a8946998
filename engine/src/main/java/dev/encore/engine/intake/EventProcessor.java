package dev.encore.engine.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.correlation.JourneyCorrelator;
import dev.encore.engine.correlation.JourneyReactions;
import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.InvalidEventException;
import dev.encore.engine.profile.ProfileUpdater;

/**
 * The one path every storefront event takes, whichever way it arrived: dedupe, profile,
 * journeys. One customer at a time and in order; the journey changes commit together with
 * the dedupe record, and the profile (outside the database) is put back when they do not,
 * so an event is applied once or not at all.
 * <p>
 * Most of a shop's events (visits, product views, opens) move no journey: when no
 * deployed journey starts on, waits for or counts an event ({@link JourneyReactions}), it
 * never reaches the engine. A batch (an HTTP or Segment batch, a Kafka poll) is applied
 * in one transaction, its dedupe lookups and history rows in bulk; when that transaction
 * fails for good, its events are applied again one by one, so one bad event fails alone.
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
		Outcome outcome = this.locks.withLock(event.customerId(),
				() -> withRetries(event.messageId(), event, () -> applyAll(List.of(event), false)[0]));
		// Only now, after the commit: a failed attempt must not look like a duplicate
		// later.
		this.recent.remember(event.messageId());
		if (outcome == Outcome.APPLIED) {
			this.metrics.applied(event, receivedAt);
		}
		return outcome;
	}

	/**
	 * Applies the events in order (per customer, as given), as few transactions as it
	 * can: the outcome of each, in the same order.
	 * @throws EventBatchException naming the first event that failed for good (after
	 * retries, on its own); the events before it are applied, those after it are not
	 */
	public List<Outcome> processAll(List<CustomerEvent> events) {
		return processAll(events, false);
	}

	private List<Outcome> processAll(List<CustomerEvent> events, boolean history) {
		Instant receivedAt = this.clock.instant();
		Outcome[] outcomes = new Outcome[events.size()];
		List<Integer> fresh = new ArrayList<>();
		Set<String> seen = this.recent.seenOf(events.stream().map(CustomerEvent::messageId).toList());
		for (int i = 0; i < events.size(); i++) {
			if (seen.contains(events.get(i).messageId())) {
				outcomes[i] = Outcome.DUPLICATE;
			}
			else {
				fresh.add(i);
			}
		}
		List<CustomerEvent> pending = fresh.stream().map(events::get).toList();
		Set<String> customers = new HashSet<>();
		pending.forEach((event) -> customers.add(event.customerId()));
		try {
			done(this.locks.withLocks(customers, () -> applyBatch(pending, history)), pending, fresh, outcomes,
					receivedAt);
			return Arrays.asList(outcomes);
		}
		catch (EventBatchException ex) {
			done(ex.outcomes(), pending, fresh, outcomes, receivedAt);
			int failed = fresh.get(ex.index());
			throw new EventBatchException(failed, Arrays.copyOf(outcomes, failed), (RuntimeException) ex.getCause());
		}
	}

	/**
	 * {@link #processAll} for callers that answer per event (HTTP and Segment batches):
	 * an event that fails for good is logged and answered with its failure, and the
	 * events after it are still applied. An outage is thrown: nothing after it could be
	 * applied.
	 */
	public List<Result> processEach(List<CustomerEvent> events) {
		return processEach(events, false);
	}

	/**
	 * {@link #processEach} for history (an import of past orders): profiles, aggregates
	 * and event history are updated, and no journey starts, moves or ends.
	 */
	public List<Result> importEach(List<CustomerEvent> events) {
		return processEach(events, true);
	}

	private List<Result> processEach(List<CustomerEvent> events, boolean history) {
		List<Result> results = new ArrayList<>();
		while (results.size() < events.size()) {
			List<CustomerEvent> rest = events.subList(results.size(), events.size());
			try {
				processAll(rest, history).forEach((outcome) -> results.add(new Result(outcome, null)));
			}
			catch (EventBatchException ex) {
				ex.before().forEach((outcome) -> results.add(new Result(outcome, null)));
				CustomerEvent failed = rest.get(ex.index());
				RuntimeException cause = (RuntimeException) ex.getCause();
				if (!(cause instanceof InvalidEventException)) {
					log.error("Event {} of customer={} not applied", failed.messageId(), failed.customerId(), cause);
				}
				results.add(new Result(null, cause));
			}
		}
		return results;
	}

	/** What became of one event of a batch: an outcome, or why it failed. */
	public record Result(Outcome outcome, RuntimeException failure) {
	}

	/** Counts and remembers what was applied, in the caller's positions. */
	private void done(Outcome[] applied, List<CustomerEvent> pending, List<Integer> positions, Outcome[] outcomes,
			Instant receivedAt) {
		for (int j = 0; j < applied.length; j++) {
			CustomerEvent event = pending.get(j);
			outcomes[positions.get(j)] = applied[j];
			if (applied[j] == Outcome.APPLIED) {
				this.metrics.applied(event, receivedAt);
			}
		}
		// After the commit only: a failed attempt must not look like a duplicate.
		this.recent.rememberAll(pending.subList(0, applied.length).stream().map(CustomerEvent::messageId).toList());
	}

	private Outcome[] applyBatch(List<CustomerEvent> events, boolean history) {
		if (events.size() <= 1) {
			return events.isEmpty() ? new Outcome[0] : new Outcome[] {
					withRetries(events.get(0).messageId(), events.get(0), () -> applyAll(events, history)[0]) };
		}
		try {
			return withRetries("batch of " + events.size(), null, () -> applyAll(events, history));
		}
		catch (RuntimeException ex) {
			if (TransientFailure.isOutage(ex)) {
				throw ex;
			}
			// One event fails the whole transaction: apply them again one by one, so the
			// others go through and the failure is told of that event alone.
			log.info("Batch of {} events failed ({}); applying them one by one", events.size(), ex.toString());
		}
		Outcome[] outcomes = new Outcome[events.size()];
		for (int i = 0; i < events.size(); i++) {
			CustomerEvent event = events.get(i);
			try {
				outcomes[i] = withRetries(event.messageId(), event, () -> applyAll(List.of(event), history)[0]);
			}
			catch (RuntimeException ex) {
				if (TransientFailure.isOutage(ex)) {
					throw ex;
				}
				throw new EventBatchException(i, Arrays.copyOf(outcomes, i), ex);
			}
		}
		return outcomes;
	}

	private <T> T withRetries(String what, CustomerEvent event, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> work.get());
			}
			catch (RuntimeException ex) {
				// Another transaction (a timer job, another node) changed this customer's
				// journeys or recorded the same event: try again on fresh state.
				if (!TransientConflict.isCause(ex)) {
					throw ex;
				}
				if (attempt >= this.properties.maxAttempts()) {
					throw (event != null) ? new EventConflictException(event, attempt, ex) : ex;
				}
				log.debug("Retrying {} after conflict (attempt {})", what, attempt);
				LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 10_000_000L) * attempt);
			}
		}
	}

	/**
	 * One transaction: events no journey reacts to are only looked up and recorded in
	 * bulk, and the batch's profiles read and written once each; one that reaches the
	 * engine finds every earlier event of the batch recorded (its steps may read the
	 * event that started them).
	 */
	private Outcome[] applyAll(List<CustomerEvent> events, boolean history) {
		JourneyReactions.Index reactions = this.correlator.reactions();
		Instant liveSince = this.clock.instant().minus(this.properties.liveWindow());
		Set<String> known = this.history.known(events.stream().map(CustomerEvent::messageId).toList());
		this.profiles.readAhead(events.stream()
			.filter((event) -> !known.contains(event.messageId()))
			.map(CustomerEvent::customerId)
			.distinct()
			.toList());
		Outcome[] outcomes = new Outcome[events.size()];
		List<CustomerEvent> unrecorded = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			CustomerEvent event = events.get(i);
			if (!known.add(event.messageId())) {
				log.debug("Duplicate event {} of customer={} ignored", event.messageId(), event.customerId());
				outcomes[i] = Outcome.DUPLICATE;
				continue;
			}
			unrecorded.add(event);
			List<CustomerEvent> derived = this.profiles.apply(event);
			// History moves no journey, nor do the internal events it causes (a tier
			// reached with last year's orders).
			boolean live = !history && !event.timestamp().isBefore(liveSince);
			if (!live) {
				log.debug("Event {} of customer={} applied as history", event.messageId(), event.customerId());
			}
			move(event, live, reactions, unrecorded);
			for (CustomerEvent internal : derived) {
				// Internal events (Lifecycle Stage Changed) move journeys in the same
				// transaction; their ids derive from the cause, so replays dedupe.
				if (!known.contains(internal.messageId()) && !this.history.contains(internal.messageId())) {
					known.add(internal.messageId());
					unrecorded.add(internal);
					move(internal, live, reactions, unrecorded);
				}
			}
			log.debug("Applied {} '{}' customer={} messageId={}", event.type().id(),
					event.name() == null ? "" : event.name(), event.customerId(), event.messageId());
			outcomes[i] = Outcome.APPLIED;
		}
		this.history.recordAll(unrecorded);
		return outcomes;
	}

	private void move(CustomerEvent event, boolean live, JourneyReactions.Index reactions,
			List<CustomerEvent> unrecorded) {
		if (live && JourneyCorrelator.reaches(event, reactions)) {
			this.history.recordAll(unrecorded);
			unrecorded.clear();
			this.correlator.correlate(event, reactions);
		}
	}

}
