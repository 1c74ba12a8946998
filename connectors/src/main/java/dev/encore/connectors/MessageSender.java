package dev.encore.connectors;

/**
 * The one contract every channel connector implements.
 */
public interface MessageSender {

	/** Whether this sender delivers messages of the given channel. */
	boolean supports(Channel channel);

	/**
	 * Hands the message to the provider.
	 * @return the provider's acceptance
	 * @throws TransientDeliveryException when a later attempt may succeed
	 * @throws PermanentDeliveryException when no attempt will succeed
	 */
	DeliveryResult send(OutboundMessage message);

}
