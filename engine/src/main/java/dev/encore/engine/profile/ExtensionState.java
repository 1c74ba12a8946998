package dev.encore.engine.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How a {@link ProfileExtension} keeps its state in the profile: one JSON text under its
 * name ({@link CustomerProfile#extension}), dates as ISO-8601 text.
 *
 * @param <T> the feature's state
 */
public final class ExtensionState<T> {

	private final ObjectMapper json;

	private final String name;

	private final Class<T> type;

	private final T none;

	/**
	 * @param none the state of a customer the feature has not seen yet
	 */
	public ExtensionState(ObjectMapper json, String name, Class<T> type, T none) {
		this.json = json.copy()
			.registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		this.name = name;
		this.type = type;
		this.none = none;
	}

	/** The customer's state, {@code none} when there is none yet. */
	public T of(CustomerProfile profile) {
		String state = profile.extension(this.name);
		if (state == null) {
			return this.none;
		}
		try {
			return this.json.readValue(state, this.type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable " + this.name + " state of customer " + profile.customerId(),
					ex);
		}
	}

	/** The profile with the customer's new state. */
	public CustomerProfile put(CustomerProfile profile, T state) {
		try {
			return profile.withExtension(this.name, this.json.writeValueAsString(state));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The " + this.name + " state is not JSON-serializable", ex);
		}
	}

}
