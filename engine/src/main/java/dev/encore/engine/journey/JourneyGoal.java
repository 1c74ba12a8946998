package dev.encore.engine.journey;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * What counts as success for a journey, from its {@code goal.*} properties: the
 * conversion event ({@code goal.event}, e.g. {@code Order Completed}) and how long after
 * entry it is credited to the journey ({@code goal.window}, ISO-8601, default 7 days).
 */
public record JourneyGoal(String event, Duration window) {

	public static final String PREFIX = "goal.";

	private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

	public static Optional<JourneyGoal> from(Map<String, String> goal) {
		String event = goal.get("event");
		if (event == null || event.isBlank()) {
			return Optional.empty();
		}
		String window = goal.get("window");
		try {
			return Optional.of(new JourneyGoal(event.strip(),
					window == null || window.isBlank() ? DEFAULT_WINDOW : Duration.parse(window.strip())));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidJourneyException("goal.window must be an ISO-8601 duration, not '" + window + "'");
		}
	}

	public boolean credits(Instant enteredAt, Instant convertedAt) {
		return !convertedAt.isBefore(enteredAt) && !convertedAt.isAfter(enteredAt.plus(this.window));
	}

}
