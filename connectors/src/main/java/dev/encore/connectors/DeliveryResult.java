package dev.encore.connectors;

import java.util.Objects;

/**
 * A message the provider accepted, with the id the provider gave it.
 *
 * @param segments how many SMS segments the provider bills, null for other channels
 */
public record DeliveryResult(String providerMessageId, Integer segments) {

	public DeliveryResult {
		Objects.requireNonNull(providerMessageId, "providerMessageId");
	}

	public DeliveryResult(String providerMessageId) {
		this(providerMessageId, null);
	}

}
