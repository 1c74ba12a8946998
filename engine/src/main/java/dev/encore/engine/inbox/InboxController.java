package dev.encore.engine.inbox;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;

/**
 * The customer's on-site inbox for the storefront (its write key) and support: the
 * unexpired messages, newest first; marking one seen emits {@code In-App Message Viewed}
 * ({@code messageId}, {@code journey}, {@code step}) through the normal intake, so a
 * journey can wait for it.
 */
@RestController
@Tag(name = "Inbox")
class InboxController {

	static final String VIEWED = EventNames.IN_APP_MESSAGE_VIEWED;

	private static final Logger log = LoggerFactory.getLogger(InboxController.class);

	private final InboxStore inboxes;

	private final EventSink events;

	private final Clock clock;

	InboxController(InboxStore inboxes, EventSink events, Clock clock) {
		this.inboxes = inboxes;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/api/v1/customers/{customerId}/inbox")
	List<InboxMessage> inbox(@PathVariable String customerId) {
		return this.inboxes.unexpired(customerId, this.clock.instant());
	}

	@PostMapping("/api/v1/customers/{customerId}/inbox/{messageId}/seen")
	ResponseEntity<Void> seen(@PathVariable String customerId, @PathVariable String messageId) {
		Instant now = this.clock.instant();
		InboxMessage message = this.inboxes.markSeen(customerId, messageId, now).orElseThrow(() -> unknown(messageId));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("messageId", message.id());
		properties.put("journey", message.journey());
		properties.put("step", message.step());
		// One event per message however often the storefront reports it.
		EventSink.Outcome outcome = this.events.process(new CustomerEvent("inbox-seen:" + message.id(), EventType.TRACK,
				VIEWED, customerId, now, properties, Map.of(), "onsite"));
		log.info("Inbox message {} seen by customer={} ({})", message.id(), customerId, outcome.id());
		return ResponseEntity.noContent().build();
	}

	private static ErrorResponseException unknown(String messageId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"The customer's inbox holds no unexpired message " + messageId);
		problem.setTitle("Unknown inbox message");
		problem.setProperty("field", "messageId");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
