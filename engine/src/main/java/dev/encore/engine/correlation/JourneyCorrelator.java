package dev.encore.engine.correlation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.intake.CustomerEvent;
import dev.encore.engine.intake.EventType;
import dev.encore.engine.journey.JourneySettings;

/**
 * Moves a customer's journeys on an event: first every journey of that customer waiting
 * for it (message name = event name, business key = customer id), then the journeys the
 * event starts. Runs inside the event's transaction.
 */
@Component
public class JourneyCorrelator {

	private static final Logger log = LoggerFactory.getLogger(JourneyCorrelator.class);

	/** Process variables every journey gets at entry. */
	public static final String CUSTOMER_ID = "customerId";

	/**
	 * The message id of the event that started the journey; its data is in the event
	 * history.
	 */
	public static final String TRIGGER_EVENT_ID = "triggerEventId";

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final JourneyTriggers triggers;

	private final JourneySettings settings;

	JourneyCorrelator(RuntimeService runtime, RepositoryService repository, JourneyTriggers triggers,
			JourneySettings settings) {
		this.runtime = runtime;
		this.repository = repository;
		this.triggers = triggers;
		this.settings = settings;
	}

	public void correlate(CustomerEvent event) {
		if (event.type() != EventType.TRACK) {
			return;
		}
		continueWaitingJourneys(event);
		startJourneys(event);
	}

	private void continueWaitingJourneys(CustomerEvent event) {
		// Only instances that really wait for this message: nothing is correlated
		// blindly.
		Set<String> instances = new LinkedHashSet<>();
		for (Execution execution : this.runtime.createExecutionQuery()
			.messageEventSubscriptionName(event.name())
			.processInstanceBusinessKey(event.customerId())
			.list()) {
			instances.add(execution.getProcessInstanceId());
		}
		for (String instance : instances) {
			this.runtime.createMessageCorrelation(event.name()).processInstanceId(instance).correlateAllWithResult();
			log.info("Journey instance {} of customer={} moved on '{}'", instance, event.customerId(), event.name());
		}
	}

	private void startJourneys(CustomerEvent event) {
		for (String definitionId : this.triggers.processDefinitionsStartedBy(event.name())) {
			ProcessDefinition definition = this.repository.getProcessDefinition(definitionId);
			if (hasActiveInstance(definition.getKey(), event.customerId())) {
				log.info("Journey {} already active for customer={}; '{}' does not start another", definition.getKey(),
						event.customerId(), event.name());
				continue;
			}
			Map<String, Object> variables = new HashMap<>(this.settings.of(definitionId, definition.getKey()));
			variables.put(CUSTOMER_ID, event.customerId());
			variables.put(TRIGGER_EVENT_ID, event.messageId());
			String instance = this.runtime.startProcessInstanceById(definitionId, event.customerId(), variables)
				.getId();
			log.info("Journey {} started for customer={} as {}", definition.getKey(), event.customerId(), instance);
		}
	}

	private boolean hasActiveInstance(String journeyKey, String customerId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(journeyKey)
			.processInstanceBusinessKey(customerId)
			.count() > 0;
	}

}
