package dev.encore.connectors;

/** The provider may accept the same message later (timeout, 429, 5xx): retry it. */
public final class TransientDeliveryException extends DeliveryException {

	public TransientDeliveryException(String reason, String message, Throwable cause) {
		super(reason, message, cause);
	}

}
