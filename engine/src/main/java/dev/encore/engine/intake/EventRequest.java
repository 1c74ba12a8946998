package dev.encore.engine.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;

/**
 * The JSON body of {@code POST /api/v1/events}: one Segment-shaped event, with Segment's
 * {@code context} ({@code campaign}, {@code page}) when the storefront sends it.
 */
record EventRequest(@NotBlank @Size(max = 200) String messageId, @NotNull EventType type, @Size(max = 200) String event,
		@NotBlank @Size(max = 200) String userId, OffsetDateTime timestamp, Map<String, Object> properties,
		Map<String, Object> traits, Map<String, Object> context) {

	/** Reported on the field {@code event}. */
	@AssertTrue(message = "must not be blank for a track event")
	boolean isEvent() {
		return this.type != EventType.TRACK || (this.event != null && !this.event.isBlank());
	}

	CustomerEvent toEvent(Clock clock, String source) {
		return new CustomerEvent(this.messageId, this.type, this.event, this.userId,
				this.timestamp == null ? clock.instant() : this.timestamp.toInstant(), this.properties, this.traits,
				source, this.context);
	}

}
