package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code encore_order} as the loyalty figures read it.
 *
 * @param currency null when the order named none: the shop's own
 */
record ShopOrder(String customerId, String orderId, BigDecimal total, String currency, Instant placedAt,
		BigDecimal refunded, boolean fullyRefunded) {

	/** Orders refunded in full do not count, as for the lifecycle and tiers. */
	boolean counts() {
		return !this.fullyRefunded;
	}

	boolean inCurrency(String shopCurrency) {
		return this.currency == null || this.currency.equals(shopCurrency);
	}

	BigDecimal net() {
		return this.total.subtract(this.refunded);
	}

}
