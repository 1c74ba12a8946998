package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.InvalidEventException;

/**
 * The checks every storefront event passes before it is applied, whichever way it
 * arrived: shape, size, no internal event name, a timestamp not before the Unix epoch nor
 * too far in the future, and amounts Encore can hold ({@link EventAmounts}).
 */
@Component
class EventRules {

	/**
	 * No storefront event predates 1970; numbers read as epoch times can lie millions of
	 * years back, which PostgreSQL's timestamp refuses (H2 stores them).
	 */
	private static final Instant EARLIEST = Instant.EPOCH;

	private final Clock clock;

	private final IntakeProperties properties;

	private final Validator validator;

	private final ObjectMapper json;

	EventRules(Clock clock, IntakeProperties properties, Validator validator, ObjectMapper json) {
		this.clock = clock;
		this.properties = properties;
		this.validator = validator;
		this.json = json;
	}

	/** The event, or {@link InvalidEventException} naming the first bad field. */
	CustomerEvent admit(CustomerEvent event) {
		// Ids and names go into indexed columns and Redis keys; PostgreSQL refuses NUL in
		// text.
		requirePrintable(event.messageId(), "messageId");
		requirePrintable(event.customerId(), "userId");
		requirePrintable(event.name(), "event");
		if (event.name() != null && EventNames.INTERNAL.contains(event.name())) {
			throw new InvalidEventException("event", "'" + event.name() + "' is an event Encore derives itself");
		}
		if (event.timestamp().isBefore(EARLIEST)) {
			throw new InvalidEventException("timestamp", "is before " + EARLIEST);
		}
		if (event.timestamp().isAfter(this.clock.instant().plus(this.properties.futureTolerance()))) {
			throw new InvalidEventException("timestamp",
					"is more than " + this.properties.futureTolerance().toHours() + " h in the future");
		}
		EventAmounts.check(event.properties());
		return event;
	}

	/** An Encore-shaped event from JSON (a batch item, a Kafka record), fully checked. */
	CustomerEvent fromJson(JsonNode node, String source) {
		checkSize(node);
		EventRequest request;
		try {
			request = this.json.treeToValue(node, EventRequest.class);
		}
		catch (Exception ex) {
			throw new InvalidEventException("event", "is not a valid event: " + rootMessage(ex));
		}
		if (request == null) {
			throw new InvalidEventException("event", "must be an event object, not null");
		}
		return fromRequest(request, source);
	}

	CustomerEvent fromRequest(EventRequest request, String source) {
		Set<ConstraintViolation<EventRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			ConstraintViolation<EventRequest> first = violations.stream()
				.sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
				.findFirst()
				.orElseThrow();
			throw new InvalidEventException(first.getPropertyPath().toString(), first.getMessage());
		}
		return admit(request.toEvent(this.clock, source));
	}

	static void requirePrintable(String value, String field) {
		if (value != null && value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidEventException(field, "must not contain control characters");
		}
	}

	void checkSize(JsonNode node) {
		long limit = this.properties.maxEventSize().toBytes();
		if (node.toString().getBytes(StandardCharsets.UTF_8).length > limit) {
			throw new InvalidEventException("event", "is larger than " + limit / 1024 + " KB");
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

}
