package dev.encore.engine.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;

/**
 * A consent given or withdrawn outside the storefront (consent API, unsubscribe link, SMS
 * keyword, LINE follow) goes through the one intake path as an identify call: the same
 * per-customer lock, history, newest-wins rule, and deduplication by id, so a replayed
 * webhook changes nothing twice.
 */
@Component
class ConsentChanges {

	private static final Logger log = LoggerFactory.getLogger(ConsentChanges.class);

	private final EventSink processor;

	private final Clock clock;

	private final Channels channels;

	ConsentChanges(EventSink processor, Clock clock, Channels channels) {
		this.processor = processor;
		this.clock = clock;
		this.channels = channels;
	}

	/**
	 * @param changeId identifies the change where the sender gives one (webhook ids), so
	 * that a replay is a duplicate; null for a new random one
	 * @return whether the change was applied (false: a replay)
	 */
	boolean apply(String customerId, Map<Channel, Boolean> granted, String source, Instant at, String changeId) {
		Map<String, Object> consents = new LinkedHashMap<>();
		granted.forEach((channel, grant) -> consents.put(this.channels.get(channel).consentKey(),
				Map.of("status", grant ? "granted" : "revoked", "source", source, "at", at.toString())));
		String messageId = "consent:" + (changeId == null ? UUID.randomUUID().toString() : changeId);
		EventSink.Outcome outcome = this.processor.process(new CustomerEvent(messageId, EventType.IDENTIFY, null,
				customerId, at, Map.of(), Map.of("consents", consents), "consent"));
		log.info("Consent {} customer={} source={} ({})", consents.keySet(), customerId, source, outcome);
		return outcome == EventSink.Outcome.APPLIED;
	}

	Instant now() {
		return this.clock.instant();
	}

}
