package dev.encore.connectors.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;

/**
 * Records messages instead of sending them: the default for a try-out and for any channel
 * without a configured provider. Keeps the most recent {@code capacity} messages.
 */
public class SandboxSender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(SandboxSender.class);

	private final Deque<RecordedMessage> recorded = new ArrayDeque<>();

	private final int capacity;

	private final Clock clock;

	public SandboxSender(int capacity, Clock clock) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive");
		}
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public boolean supports(Channel channel) {
		return true;
	}

	@Override
	public synchronized DeliveryResult send(OutboundMessage message) {
		String id = "sandbox-" + UUID.randomUUID();
		if (this.recorded.size() == this.capacity) {
			this.recorded.removeFirst();
		}
		this.recorded.addLast(new RecordedMessage(id, Instant.now(this.clock), message));
		log.info("Sandbox recorded {} message customer={} sendKey={}", message.channel().id(), message.customerId(),
				message.sendKey());
		return new DeliveryResult(id);
	}

	/** The recorded messages, oldest first. */
	public synchronized List<RecordedMessage> recorded() {
		return List.copyOf(this.recorded);
	}

	public synchronized List<RecordedMessage> recordedFor(String customerId) {
		return this.recorded.stream().filter((r) -> r.message().customerId().equals(customerId)).toList();
	}

	public synchronized void clear() {
		this.recorded.clear();
	}

	/** A message as it would have been sent. */
	public record RecordedMessage(String providerMessageId, Instant recordedAt, OutboundMessage message) {
	}

}
