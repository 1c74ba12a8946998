package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares and averages of the loyalty figures: none (null) when nothing to divide by. */
final class Ratios {

	private Ratios() {
	}

	static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	/** Money to the cent, rounded half up. */
	static BigDecimal money(BigDecimal sum, long count) {
		return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}

}
