package dev.encore.engine.intake;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.event.InvalidEventException;

/**
 * Segment's HTTP Tracking API, so a storefront using Segment's or RudderStack's libraries
 * (analytics.js in the browser included, or a Segment webhook destination) points them at
 * Encore and changes nothing else. Answers {@code {"success": true}} as Segment does,
 * once applied. Bodies labelled text/plain or as a form are read as JSON
 * ({@link SegmentBodies}).
 */
@RestController
@Tag(name = "Segment")
class SegmentController {

	private final SegmentIntake intake;

	private final WriteKeys writeKeys;

	private final ObjectMapper json;

	private final EventRules rules;

	private final IntakeProperties properties;

	SegmentController(SegmentIntake intake, WriteKeys writeKeys, ObjectMapper json, EventRules rules,
			IntakeProperties properties) {
		this.intake = intake;
		this.writeKeys = writeKeys;
		this.json = json;
		this.rules = rules;
		this.properties = properties;
	}

	@Operation(summary = "Segment track, identify, alias, page, screen or group call",
			description = "/v1/t, /v1/i, /v1/a, /v1/p, /v1/s and /v1/g are the same calls as analytics.js names them")
	@PostMapping(path = "/v1/{type:track|identify|alias|page|screen|group|t|i|a|p|s|g}",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> call(@PathVariable String type,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody SegmentMessage message) {
		if (message == null) {
			throw new InvalidEventException("body", "must be a Segment call, not null");
		}
		this.writeKeys.check(authorization, message.writeKey());
		String status = this.intake.apply(message.withType(SegmentPaths.callOf(type)));
		return Map.of("success", true, "status", status);
	}

	@Operation(summary = "Segment batch: mixed calls, each with its own result")
	@PostMapping(path = { "/v1/batch", "/v1/b" }, consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> batch(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody JsonNode body) {
		this.writeKeys.check(authorization, body.path("writeKey").asText(null));
		JsonNode batch = body.path("batch");
		if (!batch.isArray()) {
			throw new InvalidEventException("batch", "must be an array of calls");
		}
		if (batch.size() > this.properties.maxBatchItems()) {
			throw new InvalidEventException("batch", "must hold at most " + this.properties.maxBatchItems() + " calls");
		}
		return Map.of("success", true, "results", this.intake.applyBatch(batch));
	}

}
