package dev.encore.connectors;

import java.util.Objects;

/**
 * One message to one customer on one channel.
 *
 * @param sendKey idempotency key of the journey step that sends it; the same key means
 * the same message
 * @param customerId the shop's customer id (the only personal reference that may be
 * logged)
 * @param recipient channel address: email address, E.164 phone number or LINE user id
 */
public record OutboundMessage(String sendKey, String customerId, Channel channel, String recipient,
		MessageContent content) {

	public OutboundMessage {
		requireText(sendKey, "sendKey");
		requireText(customerId, "customerId");
		Objects.requireNonNull(channel, "channel");
		requireText(recipient, "recipient");
		Objects.requireNonNull(content, "content");
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
