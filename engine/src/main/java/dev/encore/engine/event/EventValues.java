package dev.encore.engine.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * Reading numbers out of storefront event properties, which arrive as JSON numbers or as
 * text ({@code "49.90"}, {@code " 12 "}) depending on the platform.
 */
public final class EventValues {

	/**
	 * Decimal places kept: far beyond money, and a bound on the work a sum does (adding
	 * {@code 1e-999999999} to 49 would build a billion-digit number).
	 */
	static final int MAX_SCALE = 20;

	private static final Set<String> NON_FINITE = Set.of("nan", "infinity", "inf");

	private EventValues() {
	}

	/**
	 * The value as a decimal (rounded to {@value #MAX_SCALE} places), or null when it is
	 * missing or not a number.
	 */
	public static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (number.scale() <= MAX_SCALE) {
			return number;
		}
		// Digits before the point, negative for 0.000…: nothing of it is left at this
		// scale.
		return (number.precision() - number.scale() < -MAX_SCALE) ? BigDecimal.ZERO
				: number.setScale(MAX_SCALE, RoundingMode.HALF_UP);
	}

	/**
	 * Whether the value says NaN or infinity: a JSON number too large for a double, or
	 * text such as {@code "NaN"} or {@code "-Infinity"}.
	 */
	public static boolean nonFinite(Object value) {
		if (value instanceof Double number) {
			return !Double.isFinite(number);
		}
		if (value instanceof Float number) {
			return !Float.isFinite(number);
		}
		if (!(value instanceof String text)) {
			return false;
		}
		String word = text.strip().toLowerCase(Locale.ROOT);
		if (word.startsWith("+") || word.startsWith("-")) {
			word = word.substring(1);
		}
		return NON_FINITE.contains(word);
	}

}
