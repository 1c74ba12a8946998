package dev.encore.engine.correlation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import dev.encore.engine.journey.InvalidJourneyException;

/**
 * Who may enter a journey, from its {@code entry.*} properties: {@code entry.reentry}
 * ({@code always}, the default; {@code never}; or {@code after:P30D}: again only that
 * long after the last entry), {@code entry.concurrent} ({@code false} by default: one
 * active instance per customer) and {@code entry.filter} (an expression on the customer,
 * e.g. {@code ${profile.lifecycleStage == 'prospect'}}). Parsed here, enforced by
 * {@link JourneyStarter} and {@link EntryFilter}, checked at deploy time by
 * {@link EntryRuleCheck}.
 */
record EntryRules(Reentry reentry, Duration reentryAfter, boolean concurrent, String filter) {

	static final String PREFIX = "entry.";

	/** How often one customer may enter the same journey. */
	enum Reentry {

		ALWAYS, NEVER, AFTER

	}

	static EntryRules from(Map<String, String> entry) {
		String reentry = entry.getOrDefault("reentry", "always").strip();
		String concurrent = entry.getOrDefault("concurrent", "false").strip();
		if (!concurrent.equals("true") && !concurrent.equals("false")) {
			throw new InvalidJourneyException("entry.concurrent must be true or false, not '" + concurrent + "'");
		}
		String filter = entry.get("filter");
		filter = filter == null || filter.isBlank() ? null : filter.strip();
		return switch (reentry) {
			case "always" -> new EntryRules(Reentry.ALWAYS, null, Boolean.parseBoolean(concurrent), filter);
			case "never" -> new EntryRules(Reentry.NEVER, null, Boolean.parseBoolean(concurrent), filter);
			default -> new EntryRules(Reentry.AFTER, after(reentry), Boolean.parseBoolean(concurrent), filter);
		};
	}

	/**
	 * Whether a customer who last entered at {@code lastEntry} (null: never) may enter
	 * now.
	 */
	boolean allowsEntry(Instant lastEntry, Instant now) {
		if (lastEntry == null) {
			return true;
		}
		return switch (this.reentry) {
			case ALWAYS -> true;
			case NEVER -> false;
			case AFTER -> !now.isBefore(lastEntry.plus(this.reentryAfter));
		};
	}

	private static Duration after(String reentry) {
		if (!reentry.startsWith("after:")) {
			throw new InvalidJourneyException(
					"entry.reentry must be always, never or after:<ISO-8601 duration>, not '" + reentry + "'");
		}
		try {
			return Duration.parse(reentry.substring("after:".length()));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidJourneyException(
					"entry.reentry has no ISO-8601 duration after 'after:': '" + reentry + "'");
		}
	}

}
