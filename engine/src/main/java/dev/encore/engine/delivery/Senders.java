package dev.encore.engine.delivery;

import java.util.List;

import dev.encore.connectors.Channel;
import dev.encore.connectors.MessageSender;

/** The connector for each channel, falling back to the sandbox. */
class Senders {

	private final MessageSender sandbox;

	private final List<MessageSender> providers;

	Senders(MessageSender sandbox, MessageSender... providers) {
		this.sandbox = sandbox;
		this.providers = List.of(providers);
	}

	MessageSender forChannel(Channel channel) {
		return this.providers.stream().filter((sender) -> sender.supports(channel)).findFirst().orElse(this.sandbox);
	}

}
