package dev.encore.engine.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.loyalty.PointsLedger;

/**
 * One customer's story, newest first: every event Encore received (with its own time and
 * properties), every message a journey sent, suppressed, deferred or failed to send, with
 * the reason and a preview, every change of their loyalty points with the balance after
 * it, and every journey they left early (on an exit event, at the goal, or by hand).
 */
@RestController
@Tag(name = "Support")
class CustomerTimelineController {

	private final EventHistory events;

	private final MessageLog messages;

	private final PointsLedger points;

	private final HistoryService history;

	private final JourneyEndings endings;

	private final ElementNames names;

	CustomerTimelineController(EventHistory events, MessageLog messages, PointsLedger points, HistoryService history,
			JourneyEndings endings, ElementNames names) {
		this.events = events;
		this.messages = messages;
		this.points = points;
		this.history = history;
		this.endings = endings;
		this.names = names;
	}

	/**
	 * @param at when Encore received, sent or recorded it
	 * @param kind {@code event}, {@code message}, {@code points} or {@code exit}
	 * @param name event name, the message's template id, why the points changed
	 * ({@code earn}, {@code redeem}, {@code redeem_refused}, {@code refund},
	 * {@code expire}, {@code anniversary}, {@code birthday}), or how the journey was left
	 * ({@code exited on event}, {@code converted}, {@code exited by hand})
	 * @param step the id of a message's step, or of the end element of an exit
	 * @param stepName that element's name, as the marketer wrote it
	 * @param status a message's status ({@code sent}, {@code failed}, ...), or the change
	 * of points ({@code +120}, {@code -50}); null for events
	 * @param reason a message's reason, the balance after a change of points and its
	 * detail, or who exited the customer by hand and why
	 * @param occurredAt an event's own timestamp, as the storefront sent it
	 * @param properties an event's properties
	 * @param templateVersion the template version a message used (decision 030)
	 * @param test true for a marketer's test send (decision 029), absent otherwise
	 */
	record Entry(Instant at, String kind, String name, String source, String journey, String step, String stepName,
			String channel, String status, String reason, String subject, String preview, Instant occurredAt,
			Map<String, Object> properties, String templateVersion, Boolean test) {
	}

	@GetMapping("/api/v1/customers/{customerId}/timeline")
	List<Entry> timeline(@PathVariable String customerId) {
		List<Entry> timeline = new ArrayList<>();
		for (EventHistory.RecordedEvent event : this.events.forCustomer(customerId)) {
			timeline.add(new Entry(event.receivedAt(), "event", event.name() == null ? event.type() : event.name(),
					event.source(), null, null, null, null, null, null, null, null, event.occurredAt(),
					event.properties(), null, null));
		}
		List<HistoricProcessInstance> journeys = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(customerId)
			.list();
		Map<String, String> definitions = journeys.stream()
			.collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getProcessDefinitionId));
		for (MessageLog.Entry message : this.messages.forCustomer(customerId)) {
			timeline.add(new Entry(message.createdAt(), "message", message.templateId(), null, message.journey(),
					message.activityId(), stepName(definitions.get(message.processInstanceId()), message.activityId()),
					message.channel(), message.status(), reason(message), message.subject(), message.preview(), null,
					null, message.templateVersion(), message.test() ? Boolean.TRUE : null));
		}
		for (PointsLedger.Entry change : this.points.forCustomer(customerId)) {
			timeline.add(new Entry(change.createdAt(), "points", change.reason(), change.eventId(), null, null, null,
					null, (change.delta() > 0 ? "+" : "") + change.delta(), balance(change), null, null, null, null,
					null, null));
		}
		timeline.addAll(exits(customerId, journeys));
		// Stable, then reversed: a message shows above the event that caused it in the
		// same instant.
		timeline.sort(Comparator.comparing(Entry::at));
		Collections.reverse(timeline);
		return timeline;
	}

	/** A step of a journey whose history is gone (erased, cleaned up) keeps its id. */
	private String stepName(String processDefinitionId, String activityId) {
		return processDefinitionId == null ? activityId : this.names.name(processDefinitionId, activityId);
	}

	private List<Entry> exits(String customerId, List<HistoricProcessInstance> journeys) {
		Set<String> converted = this.endings.converted(customerId);
		List<Entry> exits = new ArrayList<>();
		for (HistoricProcessInstance instance : journeys) {
			JourneyEndings.Ending ending = instance.getEndTime() == null ? null
					: this.endings.of(instance, converted.contains(instance.getId()));
			if (ending != null && ending.isExit()) {
				String reason = ending.exitedBy() == null ? null : "by " + ending.exitedBy() + ": " + ending.reason();
				exits.add(new Entry(instance.getEndTime().toInstant(), "exit", ending.how(), null,
						instance.getProcessDefinitionKey(), ending.endActivityId(), ending.endActivityName(), null,
						null, reason, null, null, null, null, null, null));
			}
		}
		return exits;
	}

	private static String balance(PointsLedger.Entry change) {
		String balance = "balance " + change.balanceAfter();
		return change.detail() == null ? balance : balance + "; " + change.detail();
	}

	/** A deferred message also says until when. */
	private static String reason(MessageLog.Entry message) {
		return "deferred".equals(message.status()) && message.deferredUntil() != null
				? message.reason() + " until " + message.deferredUntil() : message.reason();
	}

}
