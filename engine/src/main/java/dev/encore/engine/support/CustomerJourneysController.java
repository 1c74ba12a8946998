package dev.encore.engine.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The journeys one customer is on or has been on, and where each one is. */
@RestController
class CustomerJourneysController {

	private final HistoryService history;

	private final RuntimeService runtime;

	CustomerJourneysController(HistoryService history, RuntimeService runtime) {
		this.history = history;
		this.runtime = runtime;
	}

	@GetMapping("/api/v1/customers/{customerId}/journeys")
	List<CustomerJourney> journeys(@PathVariable String customerId) {
		List<CustomerJourney> journeys = new ArrayList<>();
		for (HistoricProcessInstance instance : this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.orderByProcessInstanceStartTime()
			.desc()
			.list()) {
			boolean active = instance.getEndTime() == null;
			journeys.add(new CustomerJourney(instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(),
					instance.getId(), instance.getState(), instance.getStartTime().toInstant(),
					active ? null : instance.getEndTime().toInstant(),
					active ? this.runtime.getActiveActivityIds(instance.getId()) : List.of()));
		}
		return journeys;
	}

	/**
	 * @param waitingAt the elements the customer is at now (empty once ended)
	 */
	record CustomerJourney(String journey, Integer version, String processInstanceId, String state, Instant startedAt,
			Instant endedAt, List<String> waitingAt) {
	}

}
