package dev.encore.engine.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.event.EventHistory;

/**
 * One customer's story in time order: every event Encore received and every message a
 * journey sent, suppressed, deferred or failed to send, with the reason and a preview.
 */
@RestController
class CustomerTimelineController {

	private final EventHistory events;

	private final MessageLog messages;

	CustomerTimelineController(EventHistory events, MessageLog messages) {
		this.events = events;
		this.messages = messages;
	}

	/**
	 * @param kind {@code event} or {@code message}
	 * @param name event name, or the message's template id
	 * @param status a message's status ({@code sent}, {@code failed}, ...); null for
	 * events
	 */
	record Entry(Instant at, String kind, String name, String source, String journey, String step, String channel,
			String status, String reason, String subject, String preview) {
	}

	@GetMapping("/api/v1/customers/{customerId}/timeline")
	List<Entry> timeline(@PathVariable String customerId) {
		List<Entry> timeline = new ArrayList<>();
		for (EventHistory.RecordedEvent event : this.events.forCustomer(customerId)) {
			timeline.add(new Entry(event.receivedAt(), "event", event.name() == null ? event.type() : event.name(),
					event.source(), null, null, null, null, null, null, null));
		}
		for (MessageLog.Entry message : this.messages.forCustomer(customerId)) {
			timeline.add(new Entry(message.createdAt(), "message", message.templateId(), null, message.journey(),
					message.activityId(), message.channel(), message.status(), reason(message), message.subject(),
					message.preview()));
		}
		// Stable: an event and the message it caused in the same instant keep that order.
		timeline.sort(Comparator.comparing(Entry::at));
		return timeline;
	}

	/** A deferred message also says until when. */
	private static String reason(MessageLog.Entry message) {
		return "deferred".equals(message.status()) && message.deferredUntil() != null
				? message.reason() + " until " + message.deferredUntil() : message.reason();
	}

}
