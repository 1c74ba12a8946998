package dev.encore.engine.journey;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.store.CustomerData;

/**
 * A customer's journeys in Camunda, whose business key is the customer id: on erasure the
 * running ones end and the history of all of them is deleted (the history holds the
 * customer id too).
 */
@Component
// First of the database's data: the journeys end before the tables they write to are
// erased.
@Order(Ordered.HIGHEST_PRECEDENCE)
class JourneyInstances implements CustomerData {

	private final RuntimeService runtime;

	private final HistoryService history;

	JourneyInstances(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	@Override
	public int erase(String customerId, String pseudonym) {
		List<String> running = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (!running.isEmpty()) {
			this.runtime.deleteProcessInstances(running, "customer erased", true, true);
		}
		List<String> finished = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		if (!finished.isEmpty()) {
			this.history.deleteHistoricProcessInstances(finished);
		}
		return running.size() + finished.size();
	}

}
