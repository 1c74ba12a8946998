package dev.encore.engine.intake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.InvalidEventException;

/** Encore's own event API. Answers 202 once the event is applied and committed. */
@RestController
@Tag(name = "Intake")
class EventController {

	private final EventProcessor processor;

	private final EventRules rules;

	private final IntakeMetrics metrics;

	private final IntakeProperties properties;

	EventController(EventProcessor processor, EventRules rules, IntakeMetrics metrics, IntakeProperties properties) {
		this.processor = processor;
		this.rules = rules;
		this.metrics = metrics;
		this.properties = properties;
	}

	@Operation(summary = "Apply one event",
			description = "202 once applied and committed (or recognised as a duplicate)")
	@PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EventReceipt> accept(@Valid @RequestBody EventRequest request) {
		this.metrics.received("http");
		CustomerEvent event = this.metrics.rejectedOnFailure("http", () -> this.rules.fromRequest(request, "http"));
		EventSink.Outcome outcome = this.processor.process(event);
		return ResponseEntity.accepted().body(new EventReceipt(event.messageId(), outcome.id()));
	}

	@Operation(summary = "Apply up to 500 events",
			description = "Items are applied in order; each gets its own result. A rejected item stores nothing.")
	@ApiResponse(responseCode = "202", description = "Per item: accepted, duplicate or rejected with a reason")
	@PostMapping(path = "/api/v1/events/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BatchReceipt> acceptBatch(@RequestBody EventBatch batch) {
		if (batch.batch() == null) {
			throw new InvalidEventException("batch", "must not be null");
		}
		if (batch.batch().size() > this.properties.maxBatchItems()) {
			throw new InvalidEventException("batch",
					"must hold at most " + this.properties.maxBatchItems() + " events");
		}
		// Checked first, applied together: a rejected item stores nothing and holds up
		// no other.
		ItemResult[] results = new ItemResult[batch.batch().size()];
		List<Integer> positions = new ArrayList<>();
		List<CustomerEvent> events = new ArrayList<>();
		for (int i = 0; i < batch.batch().size(); i++) {
			JsonNode item = batch.batch().get(i);
			this.metrics.received("http");
			try {
				events.add(this.rules.fromJson(item, "http"));
				positions.add(i);
			}
			catch (InvalidEventException ex) {
				this.metrics.rejected("http");
				results[i] = ItemResult.rejected(i, item.path("messageId").asText(null), ex);
			}
		}
		List<EventProcessor.Result> applied = this.processor.processEach(events);
		for (int j = 0; j < applied.size(); j++) {
			int i = positions.get(j);
			results[i] = ItemResult.of(i, events.get(j).messageId(), applied.get(j));
		}
		return ResponseEntity.accepted().body(new BatchReceipt(List.of(results)));
	}

	record EventReceipt(String messageId, String status) {
	}

	/** {@code {"batch": [event, ...]}}, each event shaped as for the single API. */
	record EventBatch(@NotNull List<JsonNode> batch) {
	}

	record BatchReceipt(List<ItemResult> results) {
	}

}
