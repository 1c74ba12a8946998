package dev.encore.connectors;

/**
 * The provider will never accept this message (invalid address, blocked): do not retry.
 */
public final class PermanentDeliveryException extends DeliveryException {

	public PermanentDeliveryException(String reason, String message, Throwable cause) {
		super(reason, message, cause);
	}

}
