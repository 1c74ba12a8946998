package dev.encore.engine.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.loyalty.PointsLedger;

/**
 * One customer's story in time order: every event Encore received, every message a
 * journey sent, suppressed, deferred or failed to send, with the reason and a preview,
 * and every change of their loyalty points with the balance after it.
 */
@RestController
@Tag(name = "Support")
class CustomerTimelineController {

	private final EventHistory events;

	private final MessageLog messages;

	private final PointsLedger points;

	CustomerTimelineController(EventHistory events, MessageLog messages, PointsLedger points) {
		this.events = events;
		this.messages = messages;
		this.points = points;
	}

	/**
	 * @param kind {@code event}, {@code message} or {@code points}
	 * @param name event name, the message's template id, or why the points changed
	 * ({@code earn}, {@code redeem}, {@code redeem_refused}, {@code refund},
	 * {@code expire}, {@code anniversary}, {@code birthday})
	 * @param status a message's status ({@code sent}, {@code failed}, ...), or the change
	 * of points ({@code +120}, {@code -50}); null for events
	 * @param reason a message's reason, or the balance after a change of points and its
	 * detail
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
		for (PointsLedger.Entry change : this.points.forCustomer(customerId)) {
			timeline.add(new Entry(change.createdAt(), "points", change.reason(), change.eventId(), null, null, null,
					(change.delta() > 0 ? "+" : "") + change.delta(), balance(change), null, null));
		}
		// Stable: an event and the message it caused in the same instant keep that order.
		timeline.sort(Comparator.comparing(Entry::at));
		return timeline;
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
