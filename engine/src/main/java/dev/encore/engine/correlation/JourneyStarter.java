package dev.encore.engine.correlation;

import java.time.Clock;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.acquisition.LastTouch;
import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.journey.Buckets;
import dev.encore.engine.journey.JourneyEntries;
import dev.encore.engine.journey.JourneyModel;
import dev.encore.engine.journey.JourneySettings;
import dev.encore.engine.journey.JourneyVariables;
import dev.encore.engine.journey.Splits;
import dev.encore.engine.journey.sandbox.SettingsVariable;

/**
 * Starts the journeys an event triggers, by each journey's entry rules: one active
 * instance per customer unless {@code entry.concurrent}, the re-entry policy, the entry
 * filter. A journey with {@code holdout.percent} puts that share of entrants, chosen by a
 * stable hash, in its control group ({@code holdout} variable true), for measured uplift.
 */
@Component
class JourneyStarter {

	private static final Logger log = LoggerFactory.getLogger(JourneyStarter.class);

	static final String HOLDOUT = "holdout";

	private final RuntimeService runtime;

	private final JourneySettings settings;

	private final JourneyModel model;

	private final JourneyEntries entries;

	private final EntryFilter filter;

	private final ActiveJourneys activeJourneys;

	private final LastTouch lastTouch;

	private final Clock clock;

	JourneyStarter(RuntimeService runtime, JourneySettings settings, JourneyModel model, JourneyEntries entries,
			EntryFilter filter, ActiveJourneys activeJourneys, LastTouch lastTouch, Clock clock) {
		this.lastTouch = lastTouch;
		this.activeJourneys = activeJourneys;
		this.runtime = runtime;
		this.settings = settings;
		this.model = model;
		this.entries = entries;
		this.filter = filter;
		this.clock = clock;
	}

	/** Starts, of the given latest journey versions, those whose entry rules admit. */
	void startJourneys(CustomerEvent event, List<String> definitions) {
		if (definitions.isEmpty()) {
			return;
		}
		ActiveOnes active = new ActiveOnes(event.customerId());
		for (String definitionId : definitions) {
			String journeyKey = this.model.key(definitionId);
			if (admitted(definitionId, journeyKey, event, active) && start(definitionId, journeyKey, event)) {
				active.started(journeyKey);
			}
		}
	}

	/**
	 * Cheapest rule first: the re-entry window is answered by Encore's own entry table,
	 * so a trigger that comes again within it (every product view of a browsing session)
	 * is refused without asking the engine which journeys are active; then the filter,
	 * which asks the engine only if it reads {@code activeJourneys} (a filter refusing on
	 * the event alone, {@code not empty event.name and ...}, never does); the
	 * already-active rule last.
	 */
	private boolean admitted(String definitionId, String journeyKey, CustomerEvent event, ActiveOnes active) {
		EntryRules rules = EntryRules.from(this.model.withPrefix(definitionId, EntryRules.PREFIX));
		String customer = event.customerId();
		if (rules.reentry() != EntryRules.Reentry.ALWAYS && !rules
			.allowsEntry(this.entries.lastEntry(journeyKey, customer).orElse(null), this.clock.instant())) {
			log.debug("Journey {} not entered again by customer={}: re-entry {}", journeyKey, customer,
					this.model.properties(definitionId).getOrDefault("entry.reentry", "always"));
			return false;
		}
		if (rules.filter() != null && !this.filter.admits(rules.filter(), journeyKey, event, active.view())) {
			log.debug("Journey {} not entered by customer={}: entry filter", journeyKey, customer);
			return false;
		}
		if (!rules.concurrent() && active.list().contains(journeyKey)) {
			log.debug("Journey {} already active for customer={}; '{}' does not start another", journeyKey, customer,
					event.name());
			return false;
		}
		return true;
	}

	/** Whether the started instance is still running (it waits somewhere). */
	private boolean start(String definitionId, String journeyKey, CustomerEvent event) {
		String customer = event.customerId();
		boolean holdout = inHoldout(definitionId, journeyKey, customer);
		Map<String, Object> variables = new HashMap<>();
		variables.put(SettingsVariable.NAME, this.settings.variable(definitionId, journeyKey));
		variables.put(JourneyVariables.CUSTOMER_ID, customer);
		variables.put(JourneyVariables.TRIGGER_EVENT_ID, event.messageId());
		variables.put(HOLDOUT, holdout);
		if (holdout) {
			variables.put(Splits.BRANCH, HOLDOUT);
		}
		Instant now = this.clock.instant();
		// A journey with a start event per trigger has no start of its own: it starts at
		// the one named after the event.
		ProcessInstance started = this.model.startEvent(definitionId, event.name())
			.<ProcessInstance>map((startEvent) -> this.runtime.createProcessInstanceById(definitionId)
				.businessKey(customer)
				.setVariables(variables)
				.startBeforeActivity(startEvent)
				.execute())
			.orElseGet(() -> this.runtime.startProcessInstanceById(definitionId, customer, variables));
		String instance = started.getId();
		this.entries.record(new JourneyEntries.Entry(instance, definitionId, journeyKey, customer, now, holdout,
				this.lastTouch.sourceOf(customer).orElse(null)));
		log.info("Journey {} started for customer={} as {}{}", journeyKey, customer, instance,
				holdout ? " (holdout)" : "");
		return !started.isEnded();
	}

	/**
	 * The customer's active journeys, read once when a rule first needs them, then kept
	 * up to date with what this event starts, so a second journey's checks see the first
	 * as the database would.
	 */
	private final class ActiveOnes {

		private final String customerId;

		private List<String> keys;

		ActiveOnes(String customerId) {
			this.customerId = customerId;
		}

		List<String> list() {
			if (this.keys == null) {
				this.keys = new ArrayList<>(JourneyStarter.this.activeJourneys.of(this.customerId));
			}
			return this.keys;
		}

		/** The same keys, read from the engine on first use only. */
		List<String> view() {
			return new AbstractList<>() {
				@Override
				public String get(int index) {
					return list().get(index);
				}

				@Override
				public int size() {
					return list().size();
				}
			};
		}

		void started(String journeyKey) {
			list().add(journeyKey);
		}

	}

	private boolean inHoldout(String definitionId, String journeyKey, String customerId) {
		String percent = this.model.properties(definitionId).get("holdout.percent");
		if (percent == null || percent.isBlank()) {
			return false;
		}
		return Buckets.of(customerId, journeyKey, HOLDOUT) < Integer.parseInt(percent.strip());
	}

}
