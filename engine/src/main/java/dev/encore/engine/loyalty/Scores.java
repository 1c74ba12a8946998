package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.util.Map;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventValues;
import dev.encore.engine.event.InvalidEventException;

/** Reading the scores and ids of feedback events, which arrive as numbers or text. */
final class Scores {

	private Scores() {
	}

	/** A whole number from {@code min} to {@code max}, or a 400 naming the field. */
	static int whole(Object value, String field, int min, int max) {
		BigDecimal number = EventValues.decimal(value);
		if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
				|| number.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw new InvalidEventException(field, "must be a whole number from " + min + " to " + max);
		}
		return number.intValueExact();
	}

	/**
	 * An optional id property, null when absent or blank; a 400 when the column cannot
	 * hold it.
	 */
	static String id(Map<String, Object> properties, String name) {
		Object value = properties.get(name);
		String id = value == null || value.toString().isBlank() ? null : value.toString();
		if (id != null && id.length() > CustomerEvent.MAX_ID_LENGTH) {
			throw new InvalidEventException("properties." + name,
					"must be at most " + CustomerEvent.MAX_ID_LENGTH + " characters");
		}
		return id;
	}

}
