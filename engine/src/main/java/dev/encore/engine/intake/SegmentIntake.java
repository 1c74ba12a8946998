package dev.encore.engine.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
		// Checked before anything is applied: a visitor id becomes a customer id and a
		// key in every store (PostgreSQL refuses a NUL in text).
		EventRules.requirePrintable(message.anonymousId(), "anonymousId");
		EventRules.requirePrintable(message.previousId(), "previousId");
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

	/**
	 * A Segment batch, each call with its result. Runs of track, identify, page and
	 * screen calls are applied together; a call that merges a visitor (alias, an identify
	 * with both ids) is applied on its own once the calls before it are, so later calls
	 * find the merge.
	 */
	List<ItemResult> applyBatch(JsonNode batch) {
		ItemResult[] results = new ItemResult[batch.size()];
		List<Integer> positions = new ArrayList<>();
		List<CustomerEvent> run = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			JsonNode item = batch.get(i);
			String messageId = item.path("messageId").asText(null);
			this.metrics.received("segment");
			try {
				this.rules.checkSize(item);
				SegmentMessage message = read(item);
				String type = message.type() == null ? "" : message.type();
				if (IGNORED.contains(type)) {
					results[i] = new ItemResult(i, messageId, "ignored", null);
				}
				else if (VISITS.contains(type)) {
					run.add(toEvent(message.asVisit(ProfileUpdater.SITE_VISITED), EventType.TRACK));
					positions.add(i);
				}
				else if ((type.equals("track") || type.equals("identify")) && !merges(message)) {
					if (type.equals("track")) {
						requireText(message.event(), "event");
					}
					run.add(toEvent(message, type.equals("track") ? EventType.TRACK : EventType.IDENTIFY));
					positions.add(i);
				}
				else {
					applyRun(run, positions, results);
					results[i] = new ItemResult(i, messageId, applyChecked(message), null);
				}
			}
			catch (InvalidEventException ex) {
				this.metrics.rejected("segment");
				results[i] = ItemResult.rejected(i, messageId, ex);
			}
		}
		applyRun(run, positions, results);
		return List.of(results);
	}

	private void applyRun(List<CustomerEvent> run, List<Integer> positions, ItemResult[] results) {
		List<EventProcessor.Result> applied = this.processor.processEach(run);
		for (int j = 0; j < applied.size(); j++) {
			int i = positions.get(j);
			results[i] = ItemResult.of(i, run.get(j).messageId(), applied.get(j));
			if (applied.get(j).failure() instanceof InvalidEventException) {
				this.metrics.rejected("segment");
			}
		}
		run.clear();
		positions.clear();
	}

	private static boolean merges(SegmentMessage message) {
		return "identify".equals(message.type()) && message.hasUserId() && message.hasAnonymousId();
	}

	private SegmentMessage read(JsonNode item) {
		SegmentMessage message;
		try {
			message = this.json.treeToValue(item, SegmentMessage.class);
		}
		catch (Exception ex) {
			message = null;
		}
		if (message == null) {
			throw new InvalidEventException("batch item", "is not a Segment call");
		}
		return message;
	}

	private String process(SegmentMessage message, EventType type) {
		return this.processor.process(toEvent(message, type)).id();
	}

	private CustomerEvent toEvent(SegmentMessage message, EventType type) {
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
		return this.rules.admit(new CustomerEvent(messageIdOf(message), type, message.event(), customerId,
				message.timestamp() == null ? this.clock.instant() : message.timestamp().toInstant(),
				message.properties(), message.traits(), "segment", message.context()));
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
