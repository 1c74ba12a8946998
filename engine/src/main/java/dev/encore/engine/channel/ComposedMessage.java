package dev.encore.engine.channel;

import java.util.Objects;

import dev.encore.connectors.MessageContent;

/**
 * What one step says on its channel, and what support sees of it.
 *
 * @param subject what the customer sees first (email subject, card title), may be null
 * @param preview the plain text of the message
 */
public record ComposedMessage(String subject, String preview, MessageContent content) {

	public ComposedMessage {
		Objects.requireNonNull(preview, "preview");
		Objects.requireNonNull(content, "content");
	}

}
