package dev.encore.connectors.onsite;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxSenderTest {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	private final Map<String, InboxContent> inbox = new LinkedHashMap<>();

	private final InboxSender sender = new InboxSender(
			(customer, id, message) -> this.inbox.put(customer + "/" + id, message), Clock.fixed(NOW, ZoneOffset.UTC));

	private static OutboundMessage message(String sendKey, Instant expiresAt) {
		return new OutboundMessage(sendKey, "c-1", InboxSender.ONSITE, "c-1", new InboxContent("Your cart",
				"Still thinking?", "https://shop.example/cart", null, expiresAt, "AbandonedCart", "SendTaskInbox"));
	}

	@Test
	void aStepThatRunsAgainReplacesItsMessage() {
		String first = this.sender.send(message("pi-1:SendTaskInbox", NOW.plusSeconds(60))).providerMessageId();
		String again = this.sender.send(message("pi-1:SendTaskInbox", NOW.plusSeconds(60))).providerMessageId();
		String other = this.sender.send(message("pi-2:SendTaskInbox", NOW.plusSeconds(60))).providerMessageId();

		assertThat(again).isEqualTo(first).isEqualTo(InboxSender.messageId("pi-1:SendTaskInbox"));
		assertThat(other).isNotEqualTo(first);
		assertThat(this.inbox).containsOnlyKeys("c-1/" + first, "c-1/" + other);
	}

	@Test
	void aMessageExpiredBeforeDeliveryIsNotDelivered() {
		assertThatThrownBy(() -> this.sender.send(message("pi-1:SendTaskInbox", NOW))).isInstanceOfSatisfying(
				PermanentDeliveryException.class, (ex) -> assertThat(ex.reason()).isEqualTo("expired"));
		assertThat(this.inbox).isEmpty();
	}

}
