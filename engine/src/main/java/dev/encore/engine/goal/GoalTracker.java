package dev.encore.engine.goal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventValues;
import dev.encore.engine.journey.JourneyEntries;
import dev.encore.engine.journey.JourneyGoal;
import dev.encore.engine.journey.JourneyModel;

/**
 * Credits an event to the journeys whose goal it is: every journey the customer entered
 * within its goal window (holdout included, for uplift), once per journey instance, with
 * the order value ({@code revenue}, else {@code total}, else {@code value}) and the last
 * message sent before it. Runs in the event's transaction, before the event moves the
 * journeys on.
 */
@Component
public class GoalTracker {

	private static final Logger log = LoggerFactory.getLogger(GoalTracker.class);

	/** No journey's attribution window reaches further back than this. */
	private static final Duration LONGEST_WINDOW = Duration.ofDays(366);

	private final JourneyEntries entries;

	private final JourneyModel model;

	private final Conversions conversions;

	GoalTracker(JourneyEntries entries, JourneyModel model, Conversions conversions) {
		this.entries = entries;
		this.model = model;
		this.conversions = conversions;
	}

	public void record(CustomerEvent event) {
		if (event.name() == null) {
			return;
		}
		Instant at = event.timestamp();
		// One conversion per journey and event, credited to the customer's latest entry
		// whose window covers it (last touch): with concurrent instances (one per order)
		// a review must not count once per earlier order.
		Map<String, JourneyEntries.Entry> latest = new LinkedHashMap<>();
		for (JourneyEntries.Entry entry : this.entries.since(event.customerId(), at.minus(LONGEST_WINDOW))) {
			Optional<JourneyGoal> goal = JourneyGoal
				.from(this.model.withPrefix(entry.processDefinitionId(), JourneyGoal.PREFIX));
			if (goal.isPresent() && goal.get().event().equals(event.name())
					&& goal.get().credits(entry.enteredAt(), at)) {
				latest.put(entry.journeyKey(), entry); // entries come oldest first
			}
		}
		latest.values()
			.stream()
			.filter((entry) -> !this.conversions.exists(entry.processInstanceId()))
			.forEach((entry) -> credit(entry, event, at));
	}

	private void credit(JourneyEntries.Entry entry, CustomerEvent event, Instant at) {
		Conversions.LastMessage last = this.conversions.lastMessageBefore(entry, at);
		Object currency = event.properties().get("currency");
		String branch = entry.holdout() ? "holdout" : this.entries.branchOf(entry.processInstanceId()).orElse(null);
		this.conversions.record(new Conversions.Conversion(entry.processInstanceId(), entry.journeyKey(),
				entry.customerId(), branch, entry.holdout(), event.messageId(), event.name(), value(event),
				currency == null ? null : currency.toString(), last.sendKey(), last.templateId(), at));
		log.info("Journey {} converted customer={} on '{}' (branch {})", entry.journeyKey(), entry.customerId(),
				event.name(), branch == null ? "-" : branch);
	}

	private static BigDecimal value(CustomerEvent event) {
		for (String name : new String[] { "revenue", "total", "value" }) {
			BigDecimal value = EventValues.decimal(event.properties().get(name));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
