package dev.encore.engine.intake;

import java.time.Clock;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Encore's own event API. Answers 202 once the event is applied and committed. */
@RestController
class EventController {

	private final EventProcessor processor;

	private final Clock clock;

	EventController(EventProcessor processor, Clock clock) {
		this.processor = processor;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EventReceipt> accept(@Valid @RequestBody EventRequest request) {
		CustomerEvent event = request.toEvent(this.clock, "http");
		EventProcessor.Outcome outcome = this.processor.process(event);
		return ResponseEntity.accepted().body(new EventReceipt(event.messageId(), outcome.id()));
	}

	record EventReceipt(String messageId, String status) {
	}

}
