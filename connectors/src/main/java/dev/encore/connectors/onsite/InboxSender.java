package dev.encore.connectors.onsite;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;

/**
 * Delivers on-site messages into the customer's {@link Inbox}. The message id comes from
 * the send key, so a step that runs again replaces its message instead of adding one.
 */
public class InboxSender implements MessageSender {

	public static final Channel ONSITE = new Channel("onsite");

	private static final Logger log = LoggerFactory.getLogger(InboxSender.class);

	private final Inbox inbox;

	private final Clock clock;

	public InboxSender(Inbox inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	@Override
	public boolean supports(Channel channel) {
		return ONSITE.equals(channel);
	}

	/** The same send key always gives the same message id (a name-based UUID). */
	public static String messageId(String sendKey) {
		return UUID.nameUUIDFromBytes(("encore-onsite:" + sendKey).getBytes(StandardCharsets.UTF_8)).toString();
	}

	@Override
	public DeliveryResult send(OutboundMessage message) {
		if (!(message.content() instanceof InboxContent content)) {
			throw new PermanentDeliveryException("wrong_content", "The inbox needs InboxContent", null);
		}
		if (!content.expiresAt().isAfter(this.clock.instant())) {
			throw new PermanentDeliveryException("expired", "The message expired before it was delivered", null);
		}
		String id = messageId(message.sendKey());
		this.inbox.put(message.customerId(), id, content);
		log.info("Inbox message {} for customer={}", id, message.customerId());
		return new DeliveryResult(id);
	}

}
