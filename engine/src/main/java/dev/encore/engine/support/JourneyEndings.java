package dev.encore.engine.support;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

import org.springframework.stereotype.Component;

import dev.encore.engine.goal.Conversions;
import dev.encore.engine.store.AuditTrail;

/**
 * How a customer's finished journey ended, from Camunda's history, Encore's conversions
 * and the support audit: shown with the journeys and as an exit on the timeline.
 */
@Component
class JourneyEndings {

	private final HistoryService history;

	private final Conversions conversions;

	private final AuditTrail audit;

	private final ElementNames names;

	JourneyEndings(HistoryService history, Conversions conversions, AuditTrail audit, ElementNames names) {
		this.history = history;
		this.conversions = conversions;
		this.audit = audit;
		this.names = names;
	}

	/** The instances of the customer's journeys that reached their goal. */
	Set<String> converted(String customerId) {
		return this.conversions.forCustomer(customerId)
			.stream()
			.map(Conversions.Conversion::processInstanceId)
			.collect(Collectors.toSet());
	}

	/** How a finished journey ended; a goal conversion outranks the way it ended. */
	Ending of(HistoricProcessInstance instance, boolean converted) {
		if (JourneyExitController.EXITED_BY_HAND.equals(instance.getDeleteReason())) {
			AuditTrail.Action exit = this.audit.forInstance(instance.getId()).stream().findFirst().orElse(null);
			return ending(instance, JourneyExitController.EXITED_BY_HAND, instance.getEndActivityId(),
					exit == null ? null : exit.actor(), exit == null ? null : exit.reason());
		}
		boolean exitEvent = instance.getEndActivityId() != null
				&& this.names.isEventSubprocess(instance.getProcessDefinitionId(), instance.getEndActivityId());
		String end = exitEvent ? lastEndEvent(instance) : instance.getEndActivityId();
		if (converted) {
			return ending(instance, "converted", end, null, null);
		}
		if (exitEvent) {
			return ending(instance, "exited on event", end, null, null);
		}
		return ending(instance,
				instance.getDeleteReason() == null ? "completed" : "ended: " + instance.getDeleteReason(),
				instance.getEndActivityId(), null, null);
	}

	private Ending ending(HistoricProcessInstance instance, String how, String end, String by, String reason) {
		return new Ending(how, end, this.names.name(instance.getProcessDefinitionId(), end), by, reason);
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

	/**
	 * @param how {@code completed}, {@code exited on event}, {@code converted} or
	 * {@code exited by hand}
	 * @param endActivityName the end element's name as the marketer wrote it
	 */
	record Ending(String how, String endActivityId, String endActivityName, String exitedBy, String reason) {

		boolean isExit() {
			return !"completed".equals(this.how);
		}

	}

}
