package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund of (part of) an order, kept even when its order has not arrived yet.
 *
 * @param amount the refunded amount; null refunds the whole order
 */
public record Refund(String orderId, BigDecimal amount, Instant at) {

	public Refund {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(at, "at");
	}

}
