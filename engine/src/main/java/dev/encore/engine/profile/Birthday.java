package dev.encore.engine.profile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A customer's birthday, from the identify trait {@code birthday}: {@code 1990-12-05}, or
 * without the year {@code 12-05} (also {@code --12-05}, ISO's spelling). Shown as it was
 * given.
 *
 * @param year null when the customer gave none
 */
public record Birthday(MonthDay day, Integer year) {

	private static final Pattern YEARLESS = Pattern.compile("(?:--)?(\\d{2})-(\\d{2})");

	private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	public Birthday {
		Objects.requireNonNull(day, "day");
	}

	/** The birthday the text names, or null when it names none. */
	public static Birthday parse(String raw) {
		String text = raw.strip();
		try {
			Matcher yearless = YEARLESS.matcher(text);
			if (yearless.matches()) {
				return new Birthday(
						MonthDay.of(Integer.parseInt(yearless.group(1)), Integer.parseInt(yearless.group(2))), null);
			}
			LocalDate date = LocalDate.parse(text);
			return new Birthday(MonthDay.from(date), date.getYear());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Whether it is celebrated on this date: February 29 on February 28 in other years.
	 */
	public boolean celebratedOn(LocalDate date) {
		MonthDay today = MonthDay.from(date);
		return this.day.equals(today)
				|| (this.day.equals(LEAP_DAY) && today.equals(MonthDay.of(2, 28)) && !date.isLeapYear());
	}

	@JsonValue
	@Override
	public String toString() {
		return this.year == null ? MONTH_DAY.format(this.day) : this.day.atYear(this.year).toString();
	}

}
