package dev.encore.engine.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.support.JourneyEndings.Ending;
import dev.encore.engine.support.NextSteps.NextStep;

/**
 * The journeys one customer is on or has been on, where each one is and what comes next.
 */
@RestController
@Tag(name = "Support")
class CustomerJourneysController {

	private final HistoryService history;

	private final RuntimeService runtime;

	private final JourneyEndings endings;

	private final ElementNames names;

	private final NextSteps nextSteps;

	private final CustomerZone zones;

	CustomerJourneysController(HistoryService history, RuntimeService runtime, JourneyEndings endings,
			ElementNames names, NextSteps nextSteps, CustomerZone zones) {
		this.history = history;
		this.runtime = runtime;
		this.endings = endings;
		this.names = names;
		this.nextSteps = nextSteps;
		this.zones = zones;
	}

	@GetMapping("/api/v1/customers/{customerId}/journeys")
	List<CustomerJourney> journeys(@PathVariable String customerId) {
		Set<String> converted = this.endings.converted(customerId);
		CustomerZone.Zone zone = this.zones.of(customerId);
		List<CustomerJourney> journeys = new ArrayList<>();
		for (HistoricProcessInstance instance : this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.orderByProcessInstanceStartTime()
			.desc()
			.list()) {
			boolean active = instance.getEndTime() == null;
			List<String> waitingAt = active ? this.runtime.getActiveActivityIds(instance.getId()) : List.of();
			journeys.add(new CustomerJourney(instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(),
					instance.getProcessDefinitionId(), instance.getId(), instance.getState(),
					instance.getStartTime().toInstant(), active ? null : instance.getEndTime().toInstant(), waitingAt,
					waitingAt.stream().map((id) -> this.names.name(instance.getProcessDefinitionId(), id)).toList(),
					active ? this.nextSteps.of(instance.getId(), zone) : null,
					active ? null : this.endings.of(instance, converted.contains(instance.getId()))));
		}
		return journeys;
	}

	/**
	 * @param waitingAt the ids of the elements the customer is at now (empty once ended)
	 * @param waitingAtNames their names, as the marketer wrote them
	 * @param nextStep when the journey moves next by itself; null once ended or while it
	 * waits only for an event
	 * @param ending how it ended; null while active
	 */
	record CustomerJourney(String journey, Integer version, String processDefinitionId, String processInstanceId,
			String state, Instant startedAt, Instant endedAt, List<String> waitingAt, List<String> waitingAtNames,
			NextStep nextStep, Ending ending) {
	}

}
