package dev.encore.engine.repurchase;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.EventHistory.RecordedEvent;
import dev.encore.engine.journey.InvalidJourneyException;
import dev.encore.engine.journey.sandbox.JourneyBean;
import dev.encore.engine.journey.sandbox.SettingsVariable;

/**
 * Replenishment reminders for consumables ({@link OrderLine}: products with
 * {@code usage_period} or {@code usage_days}). Each run-out of the order that started the
 * journey ({@link RunOut}) is one reminder, {@code reminderLead} before it; a run-out
 * sooner than that after the order gets none. Used in the journey as
 * {@code ${replenishment.runOuts(execution)}} (the multi-instance collection, element
 * variable {@code runOutAt}), {@code ${replenishment.remindAt(execution)}},
 * {@code ${replenishment.rebought(execution)}} and
 * {@code ${replenishment.prepareReminder(execution)}}, and in the entry filter as
 * {@code ${replenishment.hasConsumables(event)}}.
 */
@Component("replenishment")
@JourneyBean
public class Replenishment {

	static final String RUN_OUT_AT = "runOutAt";

	private final JourneyOrders orders;

	Replenishment(JourneyOrders orders) {
		this.orders = orders;
	}

	/** Whether an order (its properties) holds a consumable. */
	public boolean hasConsumables(Map<String, Object> orderProperties) {
		return OrderLine.of(orderProperties).stream().anyMatch(OrderLine::consumable);
	}

	/** The order's run-outs worth a reminder, as ISO-8601 instants, earliest first. */
	public List<String> runOuts(DelegateExecution execution) {
		RecordedEvent order = this.orders.trigger(execution);
		Instant firstReminder = order.occurredAt().plus(lead(execution));
		return RunOut.of(order.occurredAt(), OrderLine.of(order.properties()))
			.stream()
			.map(RunOut::at)
			.filter((at) -> at.isAfter(firstReminder))
			.map(Instant::toString)
			.toList();
	}

	public Date remindAt(DelegateExecution execution) {
		return Date.from(runOutAt(execution).minus(lead(execution)));
	}

	/** Whether later orders hold every product of this run-out again. */
	public boolean rebought(DelegateExecution execution) {
		return remaining(execution).isEmpty();
	}

	/**
	 * Sets the reminder's {@code reorderUrl} (setting {@code reorderUrl} with the
	 * products not yet bought again) and {@code reorderItems} ({@code Coffee beans × 2})
	 * for its message.
	 */
	public void prepareReminder(DelegateExecution execution) {
		List<OrderLine> lines = remaining(execution);
		Object reorderUrl = SettingsVariable.read(execution, "reorderUrl");
		if (reorderUrl == null || reorderUrl.toString().isBlank()) {
			throw new InvalidJourneyException("Journey setting reorderUrl is missing");
		}
		execution.setVariableLocal("reorderLink", ReorderLink.of(reorderUrl.toString().strip(), lines));
		execution.setVariableLocal("reorderItems", ReorderLink.summary(lines));
	}

	private List<OrderLine> remaining(DelegateExecution execution) {
		RecordedEvent order = this.orders.trigger(execution);
		Set<String> rebought = new HashSet<>();
		for (RecordedEvent later : this.orders.since(execution, order)) {
			OrderLine.of(later.properties()).forEach((line) -> rebought.add(line.id()));
		}
		return RunOut.linesAt(order.occurredAt(), OrderLine.of(order.properties()), runOutAt(execution))
			.stream()
			.filter((line) -> !rebought.contains(line.id()))
			.toList();
	}

	private static Instant runOutAt(DelegateExecution execution) {
		return Instant.parse(String.valueOf(execution.getVariable(RUN_OUT_AT)));
	}

	private static Duration lead(DelegateExecution execution) {
		Object lead = SettingsVariable.read(execution, "reminderLead");
		return lead == null ? Duration.ZERO : Duration.parse(lead.toString().strip());
	}

}
