package dev.encore.engine.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The days a report covers, {@code from} and {@code to} included (UTC): orders, answers
 * and events at or after {@link #start()} and before {@link #end()}.
 *
 * @param from null: since the first order
 * @param to the last day; today when not given
 */
record LoyaltyPeriod(LocalDate from, LocalDate to) {

	LoyaltyPeriod {
		if (from != null && from.isAfter(to)) {
			throw new InvalidPeriodException("from", "is after to (" + to + ")");
		}
	}

	static LoyaltyPeriod parse(String from, String to, Clock clock) {
		LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : date("to", to);
		return new LoyaltyPeriod(from == null ? null : date("from", from), last);
	}

	Instant start() {
		return this.from == null ? Instant.EPOCH : this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	boolean contains(Instant at) {
		return !at.isBefore(start()) && at.isBefore(end());
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidPeriodException(field, "must be an ISO date (2026-01-31), not '" + value + "'");
		}
	}

	/** A query parameter that names no period; answered 400 naming it. */
	static class InvalidPeriodException extends RuntimeException {

		private final String field;

		InvalidPeriodException(String field, String problem) {
			super(field + " " + problem);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

}
