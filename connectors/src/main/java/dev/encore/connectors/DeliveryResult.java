package dev.encore.connectors;

import java.util.Objects;

/** A message the provider accepted, with the id the provider gave it. */
public record DeliveryResult(String providerMessageId) {

	public DeliveryResult {
		Objects.requireNonNull(providerMessageId, "providerMessageId");
	}

}
