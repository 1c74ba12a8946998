package dev.encore.engine.correlation;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.goal.GoalTracker;

/**
 * Moves a customer's journeys on an event: first the goals it reaches, then every journey
 * of that customer waiting for it (message name = event name, business key = customer
 * id), then the journeys the event starts; each step only when some deployed journey
 * reacts so ({@link JourneyReactions}). Runs inside the event's transaction.
 */
@Component
public class JourneyCorrelator {

	private static final Logger log = LoggerFactory.getLogger(JourneyCorrelator.class);

	private final RuntimeService runtime;

	private final JourneyStarter starter;

	private final GoalTracker goals;

	private final JourneyReactions reactions;

	JourneyCorrelator(RuntimeService runtime, JourneyStarter starter, GoalTracker goals, JourneyReactions reactions) {
		this.runtime = runtime;
		this.starter = starter;
		this.goals = goals;
		this.reactions = reactions;
	}

	/** What the deployed journeys react to, as of now in the calling transaction. */
	public JourneyReactions.Index reactions() {
		return this.reactions.current();
	}

	/** Whether the event may move a journey: otherwise it need not reach the engine. */
	public static boolean reaches(CustomerEvent event, JourneyReactions.Index reactions) {
		return event.type() == EventType.TRACK && reactions.reactsTo(event.name());
	}

	public void correlate(CustomerEvent event, JourneyReactions.Index reactions) {
		if (!reaches(event, reactions)) {
			return;
		}
		// Goals first: the event may end the very journey it converts.
		if (reactions.goal(event.name())) {
			this.goals.record(event);
		}
		if (reactions.awaited(event.name())) {
			continueWaitingJourneys(event);
		}
		this.starter.startJourneys(event, reactions.started(event.name()));
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

}
