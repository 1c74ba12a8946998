package dev.encore.engine.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A storefront event as Encore applies it, whichever way it arrived.
 *
 * @param messageId the sender's unique id: applying the same id twice changes nothing
 * @param name the event name for {@code track} (e.g. {@code Checkout Started}), null for
 * {@code identify}
 * @param source where it came from ({@code http}, {@code kafka}, ...), for support
 * @param context what the sender knew of the visit, as Segment's {@code context}
 * ({@code campaign}, {@code page}); empty for events made on a server
 */
public record CustomerEvent(String messageId, EventType type, String name, String customerId, Instant timestamp,
		Map<String, Object> properties, Map<String, Object> traits, String source, Map<String, Object> context) {

	/** Ids and names are stored in columns of this width. */
	public static final int MAX_ID_LENGTH = 200;

	public CustomerEvent {
		requireText(messageId, "messageId");
		Objects.requireNonNull(type, "type");
		requireText(customerId, "userId");
		if (type == EventType.TRACK) {
			requireText(name, "event");
		}
		else if (name != null && name.length() > MAX_ID_LENGTH) {
			throw new InvalidEventException("event", "must be at most " + MAX_ID_LENGTH + " characters");
		}
		Objects.requireNonNull(timestamp, "timestamp");
		properties = properties == null ? Map.of() : properties;
		traits = traits == null ? Map.of() : traits;
		Objects.requireNonNull(source, "source");
		context = context == null ? Map.of() : context;
	}

	/** An event without context: made by a server, or by Encore itself. */
	public CustomerEvent(String messageId, EventType type, String name, String customerId, Instant timestamp,
			Map<String, Object> properties, Map<String, Object> traits, String source) {
		this(messageId, type, name, customerId, timestamp, properties, traits, source, Map.of());
	}

	/** Whether this is the named track event. */
	public boolean is(String eventName) {
		return this.type == EventType.TRACK && eventName.equals(this.name);
	}

	private static void requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidEventException(field, "must not be blank");
		}
		if (value.length() > MAX_ID_LENGTH) {
			throw new InvalidEventException(field, "must be at most " + MAX_ID_LENGTH + " characters");
		}
	}

}
