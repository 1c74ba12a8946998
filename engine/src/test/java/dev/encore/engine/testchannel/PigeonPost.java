package dev.encore.engine.testchannel;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageContent;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;

/** A test channel's connector: carries a note to a customer's loft, and remembers it. */
class PigeonPost implements MessageSender {

	static final Channel PIGEON = new Channel("pigeon");

	private final List<OutboundMessage> carried = new CopyOnWriteArrayList<>();

	@Override
	public boolean supports(Channel channel) {
		return PIGEON.equals(channel);
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		this.carried.add(message);
		return new DeliveryResult("pigeon-" + UUID.randomUUID());
	}

	List<OutboundMessage> carriedTo(String customerId) {
		return this.carried.stream().filter((message) -> message.customerId().equals(customerId)).toList();
	}

	/** What a pigeon carries: one short note. */
	record Note(String text) implements MessageContent {

		Note {
			Objects.requireNonNull(text, "text");
		}

	}

}
