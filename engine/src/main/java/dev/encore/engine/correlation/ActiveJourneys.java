package dev.encore.engine.correlation;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.stereotype.Component;

/**
 * The keys of the journeys a customer is on now. Asked by business key alone (its index
 * finds the customer's few instances): with the definition key too, the database may walk
 * every instance of the journey instead, a scan per event that grows with the customers
 * waiting.
 */
@Component
class ActiveJourneys {

	private final RuntimeService runtime;

	private final RepositoryService repository;

	ActiveJourneys(RuntimeService runtime, RepositoryService repository) {
		this.runtime = runtime;
		this.repository = repository;
	}

	List<String> of(String customerId) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.list()
			.stream()
			// The definition comes from the engine's cache.
			.map((instance) -> this.repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey())
			.distinct()
			.toList();
	}

}
