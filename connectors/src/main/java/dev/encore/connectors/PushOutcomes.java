package dev.encore.connectors;

import java.util.ArrayList;
import java.util.List;

/**
 * For push channels, which send one message to each of a customer's devices: what the
 * devices made of one push, as one answer: sent when any device took it; else a retry
 * when any device may take it later; else the first permanent failure.
 */
public final class PushOutcomes {

	private final List<String> accepted = new ArrayList<>();

	private final List<DeliveryException> failures = new ArrayList<>();

	private final String goneReason;

	private int gone;

	/**
	 * @param goneReason the failure when every device is gone
	 */
	public PushOutcomes(String goneReason) {
		this.goneReason = goneReason;
	}

	public void accepted(String providerId) {
		this.accepted.add(providerId);
	}

	public void gone() {
		this.gone++;
	}

	public void failed(DeliveryException failure) {
		this.failures.add(failure);
	}

	public int acceptedCount() {
		return this.accepted.size();
	}

	public int goneCount() {
		return this.gone;
	}

	public DeliveryResult result() {
		if (!this.accepted.isEmpty()) {
			return new DeliveryResult(this.accepted.get(0));
		}
		throw this.failures.stream()
			.filter(TransientDeliveryException.class::isInstance)
			.findFirst()
			.or(() -> this.failures.stream().findFirst())
			.orElseGet(() -> new PermanentDeliveryException(this.goneReason, "Every device is gone", null));
	}

}
