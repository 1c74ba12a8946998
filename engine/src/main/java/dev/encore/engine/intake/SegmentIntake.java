package dev.encore.engine.intake;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.event.InvalidEventException;
import dev.encore.engine.profile.ProfileUpdater;

/**
 * Segment calls onto Encore's one path: {@code track} and {@code identify} become events
 * of the customer ({@code userId}, else the anonymous visitor or whom it aliases to);
 * {@code alias} and an identify carrying both ids merge the visitor into the customer.
 * {@code page} and {@code screen} are visits: a {@code Site Visited} event with the
 * call's properties (engagement in the profile, a trigger for journeys). {@code group}
 * (accounts, for B2B) is accepted and ignored.
 */
@Component
class SegmentIntake {

	private static final Set<String> IGNORED = Set.of("group");

	private static final Set<String> VISITS = Set.of("page", "screen");

	private final EventProcessor processor;

	private final EventRules rules;

	private final AnonymousMerge merge;

	private final IntakeMetrics metrics;

	private final Clock clock;

	private final ObjectMapper json;

	SegmentIntake(EventProcessor processor, EventRules rules, AnonymousMerge merge, IntakeMetrics metrics, Clock clock,
			ObjectMapper json) {
		this.json = json;
		this.processor = processor;
		this.rules = rules;
		this.merge = merge;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Applies one call; {@link InvalidEventException} when it is rejected. */
	String apply(SegmentMessage message) {
		this.metrics.received("segment");
		return this.metrics.rejectedOnFailure("segment", () -> applyChecked(message));
	}

	private String applyChecked(SegmentMessage message) {
		String type = message.type() == null ? "" : message.type();
		if (IGNORED.contains(type)) {
			return "ignored";
		}
		if (VISITS.contains(type)) {
			return process(message.asVisit(ProfileUpdater.SITE_VISITED), EventType.TRACK);
		}
		return switch (type) {
			case "track" -> {
				requireText(message.event(), "event");
				yield process(message, EventType.TRACK);
			}
			case "identify" -> {
				String outcome = process(message, EventType.IDENTIFY);
				if (message.hasUserId() && message.hasAnonymousId()) {
					this.merge.merge(message.anonymousId(), message.userId());
				}
				yield outcome;
			}
			case "alias" -> {
				requireText(message.userId(), "userId");
				requireText(message.previousId(), "previousId");
				this.merge.merge(message.previousId(), message.userId());
				yield "accepted";
			}
			default ->
				throw new InvalidEventException("type", "must be one of track, identify, alias, page, screen, group");
		};
	}

	private String process(SegmentMessage message, EventType type) {
		String customerId;
		if (message.hasUserId()) {
			customerId = message.userId();
		}
		else if (message.hasAnonymousId()) {
			customerId = this.merge.customerOf(message.anonymousId());
		}
		else {
			throw new InvalidEventException("userId", "or anonymousId is required");
		}
		CustomerEvent event = this.rules.admit(new CustomerEvent(messageIdOf(message), type, message.event(),
				customerId, message.timestamp() == null ? this.clock.instant() : message.timestamp().toInstant(),
				message.properties(), message.traits(), "segment"));
		return this.processor.process(event).id();
	}

	/**
	 * Segment's libraries always send a messageId; a hand-made call without one gets an
	 * id derived from its content, so sending it twice still applies it once.
	 */
	private String messageIdOf(SegmentMessage message) {
		if (message.messageId() != null && !message.messageId().isBlank()) {
			return message.messageId();
		}
		try {
			return "segment-" + UUID.nameUUIDFromBytes(this.json.writeValueAsBytes(message));
		}
		catch (JsonProcessingException ex) {
			throw new InvalidEventException("properties", "must be JSON");
		}
	}

	private static void requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidEventException(field, "must not be blank");
		}
		if (value.length() > CustomerEvent.MAX_ID_LENGTH) {
			throw new InvalidEventException(field, "must be at most " + CustomerEvent.MAX_ID_LENGTH + " characters");
		}
	}

}
