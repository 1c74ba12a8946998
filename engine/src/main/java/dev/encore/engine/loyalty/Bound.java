package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One input entry of the tier table read as bounds on a number: {@code -},
 * {@code >= 500}, {@code > 2}, {@code <= 90}, {@code < 30}, {@code 3}, {@code [1..5]}
 * (brackets inclusive, parentheses or outward brackets exclusive). Any other FEEL is
 * {@link #UNREADABLE}: the table still decides the tier, but what is missing to reach a
 * rule with it cannot be told.
 *
 * @param low null when unbounded below
 * @param high null when unbounded above
 */
record Bound(BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive, boolean readable) {

	static final Bound ANY = new Bound(null, true, null, true, true);

	static final Bound UNREADABLE = new Bound(null, true, null, true, false);

	private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";

	private static final Pattern COMPARISON = Pattern.compile("(>=|>|<=|<|=)?\\s*" + NUMBER);

	private static final Pattern RANGE = Pattern
		.compile("([\\[(\\]])\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER + "\\s*([\\])\\[])");

	static Bound parse(String entry) {
		String text = entry == null ? "" : entry.strip();
		if (text.isEmpty() || text.equals("-")) {
			return ANY;
		}
		Matcher comparison = COMPARISON.matcher(text);
		if (comparison.matches()) {
			BigDecimal value = new BigDecimal(comparison.group(2));
			String operator = comparison.group(1) == null ? "=" : comparison.group(1);
			return switch (operator) {
				case ">=" -> new Bound(value, true, null, true, true);
				case ">" -> new Bound(value, false, null, true, true);
				case "<=" -> new Bound(null, true, value, true, true);
				case "<" -> new Bound(null, true, value, false, true);
				default -> new Bound(value, true, value, true, true);
			};
		}
		Matcher range = RANGE.matcher(text);
		if (range.matches()) {
			return new Bound(new BigDecimal(range.group(2)), range.group(1).equals("["), new BigDecimal(range.group(3)),
					range.group(4).equals("]"), true);
		}
		return UNREADABLE;
	}

	/**
	 * How far {@code value} is from meeting this bound: positive to rise by, negative to
	 * fall by, zero when met; {@code step} is the smallest move of the input (1 for
	 * counts, 0.01 for money), what an exclusive bound asks beyond its number.
	 */
	BigDecimal shortOf(BigDecimal value, BigDecimal step) {
		if (this.low != null) {
			BigDecimal least = this.lowInclusive ? this.low : this.low.add(step);
			if (value.compareTo(least) < 0) {
				return least.subtract(value);
			}
		}
		if (this.high != null) {
			BigDecimal most = this.highInclusive ? this.high : this.high.subtract(step);
			if (value.compareTo(most) > 0) {
				return most.subtract(value);
			}
		}
		return BigDecimal.ZERO;
	}

}
