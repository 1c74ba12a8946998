package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The price range seen per product category across the shop (lowest and highest price of
 * any product viewed or ordered in it): where a customer's prices sit within it is their
 * price sensitivity. Redis for every node together, memory for a try-out.
 */
interface CategoryPrices {

	/** Widens each category's range to take the prices in. */
	void observe(List<Price> prices);

	/** The ranges of these categories; a category never seen is missing. */
	Map<String, Range> ranges(Collection<String> categories);

	/** A product's unit price in its category. */
	record Price(String category, BigDecimal price) {

		public Price {
			Objects.requireNonNull(category, "category");
			Objects.requireNonNull(price, "price");
		}

	}

	/** Lowest and highest price seen. */
	record Range(BigDecimal low, BigDecimal high) {

		Range wider(BigDecimal price) {
			return new Range(price.min(this.low), price.max(this.high));
		}

		/** Where the price sits: 0 at the low end, 1 at the high end, 0.5 in a point. */
		double position(BigDecimal price) {
			BigDecimal width = this.high.subtract(this.low);
			if (width.signum() <= 0) {
				return 0.5;
			}
			double position = price.subtract(this.low).doubleValue() / width.doubleValue();
			return Math.max(0, Math.min(1, position));
		}

	}

}
