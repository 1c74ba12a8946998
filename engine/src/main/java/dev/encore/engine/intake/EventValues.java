package dev.encore.engine.intake;

import java.math.BigDecimal;

/**
 * Reading numbers out of storefront event properties, which arrive as JSON numbers or as
 * text ({@code "49.90"}, {@code " 12 "}) depending on the platform.
 */
public final class EventValues {

	private EventValues() {
	}

	/** The value as a decimal, or null when it is missing or not a number. */
	public static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
