package dev.encore.connectors;

/**
 * A send that did not reach the provider's acceptance. The {@link #reason()} is a short
 * machine-readable code that goes into the message log (no personal data).
 */
public abstract sealed class DeliveryException extends RuntimeException
		permits TransientDeliveryException, PermanentDeliveryException {

	private final String reason;

	protected DeliveryException(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
