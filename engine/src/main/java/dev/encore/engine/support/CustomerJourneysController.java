package dev.encore.engine.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.goal.Conversions;

/** The journeys one customer is on or has been on, and where each one is. */
@RestController
@Tag(name = "Support")
class CustomerJourneysController {

	private final HistoryService history;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final Conversions conversions;

	private final SupportAudit audit;

	CustomerJourneysController(HistoryService history, RuntimeService runtime, RepositoryService repository,
			Conversions conversions, SupportAudit audit) {
		this.history = history;
		this.runtime = runtime;
		this.repository = repository;
		this.conversions = conversions;
		this.audit = audit;
	}

	@GetMapping("/api/v1/customers/{customerId}/journeys")
	List<CustomerJourney> journeys(@PathVariable String customerId) {
		Set<String> converted = this.conversions.forCustomer(customerId)
			.stream()
			.map(Conversions.Conversion::processInstanceId)
			.collect(Collectors.toSet());
		List<CustomerJourney> journeys = new ArrayList<>();
		for (HistoricProcessInstance instance : this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.orderByProcessInstanceStartTime()
			.desc()
			.list()) {
			boolean active = instance.getEndTime() == null;
			Ending ending = active ? null : ending(instance, converted.contains(instance.getId()));
			journeys.add(new CustomerJourney(instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(),
					instance.getProcessDefinitionId(), instance.getId(), instance.getState(),
					instance.getStartTime().toInstant(), active ? null : instance.getEndTime().toInstant(),
					active ? this.runtime.getActiveActivityIds(instance.getId()) : List.of(), ending));
		}
		return journeys;
	}

	/** How a finished journey ended; a goal conversion outranks the way it ended. */
	private Ending ending(HistoricProcessInstance instance, boolean converted) {
		if (JourneyExitController.EXITED_BY_HAND.equals(instance.getDeleteReason())) {
			SupportAudit.Action exit = this.audit.forInstance(instance.getId()).stream().findFirst().orElse(null);
			return new Ending(JourneyExitController.EXITED_BY_HAND, instance.getEndActivityId(),
					exit == null ? null : exit.actor(), exit == null ? null : exit.reason());
		}
		boolean exitEvent = instance.getEndActivityId() != null
				&& isEventSubprocess(instance, instance.getEndActivityId());
		String end = exitEvent ? lastEndEvent(instance) : instance.getEndActivityId();
		if (converted) {
			return new Ending("converted", end, null, null);
		}
		if (exitEvent) {
			return new Ending("exited on event", end, null, null);
		}
		return new Ending(instance.getDeleteReason() == null ? "completed" : "ended: " + instance.getDeleteReason(),
				instance.getEndActivityId(), null, null);
	}

	/**
	 * Camunda names the event subprocess as a journey's end when an exit event ended it;
	 * the end event inside is in the activity history.
	 */
	private String lastEndEvent(HistoricProcessInstance instance) {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityType("noneEndEvent")
			.orderByHistoricActivityInstanceEndTime()
			.desc()
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.findFirst()
			.orElse(instance.getEndActivityId());
	}

	private boolean isEventSubprocess(HistoricProcessInstance instance, String activityId) {
		ModelElementInstance end = this.repository.getBpmnModelInstance(instance.getProcessDefinitionId())
			.getModelElementById(activityId);
		return end instanceof SubProcess subProcess && subProcess.triggeredByEvent();
	}

	/**
	 * @param waitingAt the elements the customer is at now (empty once ended)
	 * @param ending how it ended; null while active
	 */
	record CustomerJourney(String journey, Integer version, String processDefinitionId, String processInstanceId,
			String state, Instant startedAt, Instant endedAt, List<String> waitingAt, Ending ending) {
	}

	/**
	 * @param how {@code completed}, {@code exited on event}, {@code converted} or
	 * {@code exited by hand}
	 */
	record Ending(String how, String endActivityId, String exitedBy, String reason) {
	}

}
