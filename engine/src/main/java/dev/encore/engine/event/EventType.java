package dev.encore.engine.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The Segment call types Encore applies. */
public enum EventType {

	TRACK, IDENTIFY;

	@JsonValue
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	@JsonCreator
	public static EventType fromId(String id) {
		for (EventType type : values()) {
			if (type.id().equals(id)) {
				return type;
			}
		}
		throw new IllegalArgumentException("type must be 'track' or 'identify'");
	}

}
