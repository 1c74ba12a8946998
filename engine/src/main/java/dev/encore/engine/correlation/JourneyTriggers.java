package dev.encore.engine.correlation;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * Finds the journeys an event starts. A journey's entry is a signal start event named
 * after the trigger event: Camunda lets only one process use a given message start event
 * name, but several journeys start on the same event (e.g. {@code Order Completed}).
 * Encore never broadcasts the signal; it starts each journey itself with the customer as
 * business key, so entry rules apply per customer.
 */
@Component
class JourneyTriggers {

	private final RuntimeService runtime;

	JourneyTriggers(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** The latest versions of the journeys whose entry trigger is the named event. */
	List<String> processDefinitionsStartedBy(String eventName) {
		// Camunda keeps one start subscription per latest version, indexed by name: a
		// cheap
		// lookup that is right on every node right after a deploy.
		List<EventSubscription> subscriptions = this.runtime.createEventSubscriptionQuery()
			.eventType("signal")
			.eventName(eventName)
			.list();
		return subscriptions.stream()
			.filter((subscription) -> subscription.getExecutionId() == null)
			.map((subscription) -> ((EventSubscriptionEntity) subscription).getConfiguration())
			.distinct()
			.toList();
	}

}
