package dev.encore.connectors.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.connectors.Channel;
import dev.encore.connectors.EmailContent;
import dev.encore.connectors.OutboundMessage;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSenderTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

	private static OutboundMessage message(String customerId, String key) {
		return new OutboundMessage(key, customerId, Channel.EMAIL, "x@example.org",
				new EmailContent("s", "<p>h</p>", "h", null));
	}

	@Test
	void recordsEveryChannelPerCustomerWithDistinctIds() {
		SandboxSender sandbox = new SandboxSender(10, this.clock);

		String first = sandbox.send(message("c-1", "k1")).providerMessageId();
		String second = sandbox.send(message("c-2", "k2")).providerMessageId();

		assertThat(first).isNotEqualTo(second).startsWith("sandbox-");
		assertThat(sandbox.recordedFor("c-1")).singleElement()
			.satisfies((r) -> assertThat(r.message().sendKey()).isEqualTo("k1"))
			.satisfies((r) -> assertThat(r.recordedAt()).isEqualTo(this.clock.instant()));
		assertThat(List.of(Channel.EMAIL, Channel.SMS, Channel.LINE, Channel.of("pigeon"))).allMatch(sandbox::supports);
	}

	@Test
	void keepsOnlyTheMostRecentMessages() {
		SandboxSender sandbox = new SandboxSender(2, this.clock);

		sandbox.send(message("c-1", "k1"));
		sandbox.send(message("c-1", "k2"));
		sandbox.send(message("c-1", "k3"));

		assertThat(sandbox.recorded()).extracting((r) -> r.message().sendKey()).containsExactly("k2", "k3");
	}

}
