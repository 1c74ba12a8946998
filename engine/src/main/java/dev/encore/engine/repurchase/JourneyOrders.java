package dev.encore.engine.repurchase;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.EventHistory.RecordedEvent;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.journey.InvalidJourneyException;
import dev.encore.engine.journey.JourneyVariables;

/**
 * The order that started a journey and the customer's orders since, read from the event
 * history (journeys keep only the trigger's id).
 */
@Component
class JourneyOrders {

	static final String ORDER_COMPLETED = "Order Completed";

	private final EventHistory events;

	JourneyOrders(EventHistory events) {
		this.events = events;
	}

	RecordedEvent trigger(DelegateExecution execution) {
		Object id = execution.getVariable(JourneyVariables.TRIGGER_EVENT_ID);
		return this.events.find(String.valueOf(id))
			.filter((event) -> ORDER_COMPLETED.equals(event.name()))
			.orElseThrow(() -> new InvalidJourneyException(
					"Journey step " + execution.getCurrentActivityId() + " needs a journey started by an order"));
	}

	/** The customer's orders received after the one that started the journey. */
	List<RecordedEvent> since(DelegateExecution execution, RecordedEvent trigger) {
		List<RecordedEvent> later = new ArrayList<>();
		boolean after = false;
		for (RecordedEvent event : this.events.forCustomer(execution.getProcessBusinessKey())) {
			if (after && ORDER_COMPLETED.equals(event.name())) {
				later.add(event);
			}
			after = after || event.messageId().equals(trigger.messageId());
		}
		return later;
	}

}
