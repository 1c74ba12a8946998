package dev.encore.engine.push;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** A push step's optional inputs, as the element template writes them. */
final class PushInputs {

	private PushInputs() {
	}

	/** ISO-8601 ({@code PT4H}) or whole seconds; blank for the default. */
	static Duration duration(Object value, Duration fallback) {
		String text = text(value, null);
		if (text == null) {
			return fallback;
		}
		try {
			return text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text))
					: Duration.parse(text);
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw new IllegalArgumentException("ttl is an ISO-8601 duration or seconds, not '" + text + "'", ex);
		}
	}

	static String text(Object value, String fallback) {
		return (value == null || value.toString().isBlank()) ? fallback : value.toString().strip();
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
