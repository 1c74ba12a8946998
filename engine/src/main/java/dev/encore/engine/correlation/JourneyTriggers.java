package dev.encore.engine.correlation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.JourneyProperties;

/**
 * Finds the journeys an event starts. A journey's entry is a signal start event named
 * after the trigger event: Camunda lets only one process use a given message start event
 * name, but several journeys start on the same event (e.g. {@code Order Completed}).
 * Encore never broadcasts the signal; it starts each journey itself with the customer as
 * business key, so entry rules apply per customer.
 * <p>
 * Every event asks, so the answer is kept per event name: until this node deploys or
 * deletes a journey, and at most {@code encore.journeys.trigger-refresh}, the bound on
 * how long another node's deploy takes to start journeys here.
 */
@Component
class JourneyTriggers {

	private final RuntimeService runtime;

	private final DeploymentChanges changes;

	private final long refreshNanos;

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	JourneyTriggers(RuntimeService runtime, DeploymentChanges changes, JourneyProperties properties) {
		this.runtime = runtime;
		this.changes = changes;
		this.refreshNanos = properties.triggerRefresh().toNanos();
	}

	/** The latest versions of the journeys whose entry trigger is the named event. */
	List<String> processDefinitionsStartedBy(String eventName) {
		long now = System.nanoTime();
		long deployments = this.changes.count();
		Known cached = this.known.get(eventName);
		if (cached != null && cached.deployments == deployments && now - cached.loadedAt < this.refreshNanos) {
			return cached.definitions;
		}
		// Read after the count: a deploy finishing meanwhile makes this entry stale at
		// once.
		Known loaded = new Known(load(eventName), deployments, now);
		this.known.put(eventName, loaded);
		return loaded.definitions;
	}

	private List<String> load(String eventName) {
		// Camunda keeps one start subscription per latest version, indexed by name.
		return this.runtime.createEventSubscriptionQuery()
			.eventType("signal")
			.eventName(eventName)
			.list()
			.stream()
			.filter((subscription) -> subscription.getExecutionId() == null)
			.map((subscription) -> ((EventSubscriptionEntity) subscription).getConfiguration())
			.distinct()
			.toList();
	}

	private record Known(List<String> definitions, long deployments, long loadedAt) {
	}

}
