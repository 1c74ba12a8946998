package dev.encore.engine.intake;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One call of Segment's HTTP Tracking API as its libraries send it. Of {@code context}
 * Encore reads the visit ({@code campaign}, {@code page}); other fields it does not use
 * ({@code integrations}, {@code sentAt}...) are accepted and ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SegmentMessage(String type, String userId, String anonymousId, String previousId, String event,
		Map<String, Object> properties, Map<String, Object> traits, String messageId, OffsetDateTime timestamp,
		OffsetDateTime sentAt, Map<String, Object> context, String writeKey) {

	/**
	 * The call as the endpoint names it: {@code /v1/alias} is an alias whatever its body
	 * says, as with Segment.
	 */
	SegmentMessage withType(String endpointType) {
		return endpointType.equals(this.type) ? this
				: new SegmentMessage(endpointType, this.userId, this.anonymousId, this.previousId, this.event,
						this.properties, this.traits, this.messageId, this.timestamp, this.sentAt, this.context,
						this.writeKey);
	}

	/**
	 * A page or screen call as the track event it amounts to; its id, time, properties
	 * and context stay as sent.
	 */
	SegmentMessage asVisit(String eventName) {
		return new SegmentMessage("track", this.userId, this.anonymousId, this.previousId, eventName, this.properties,
				this.traits, this.messageId, this.timestamp, this.sentAt, this.context, this.writeKey);
	}

	boolean hasUserId() {
		return this.userId != null && !this.userId.isBlank();
	}

	boolean hasAnonymousId() {
		return this.anonymousId != null && !this.anonymousId.isBlank();
	}

}
