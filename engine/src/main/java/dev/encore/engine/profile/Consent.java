package dev.encore.engine.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's permission to be messaged on one channel, as the storefront last reported
 * it. Guardrails read it before every send.
 *
 * @param granted whether messages on the channel are allowed
 * @param source where the customer gave or withdrew it (e.g. {@code checkout}), for
 * audits
 * @param at when, so that a late-arriving older report never overrides a newer one
 */
public record Consent(boolean granted, String source, Instant at) {

	public Consent {
		Objects.requireNonNull(at, "at");
	}

	public String status() {
		return this.granted ? "granted" : "revoked";
	}

}
