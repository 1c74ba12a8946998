package dev.encore.engine.journey;

import java.time.Instant;
import java.util.Date;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * ISO-8601 durations and date-times as Camunda's timers read them (P1M and P1Y included).
 */
public final class IsoDurations {

	private static final DatatypeFactory XML;

	static {
		try {
			XML = DatatypeFactory.newInstance();
		}
		catch (DatatypeConfigurationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private IsoDurations() {
	}

	static boolean valid(String duration) {
		try {
			XML.newDuration(duration.strip());
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The instant a duration after the given one, months and years included. */
	public static Instant plus(Instant instant, String duration) {
		Date date = Date.from(instant);
		XML.newDuration(duration.strip()).addTo(date);
		return date.toInstant();
	}

	static boolean validDate(String dateTime) {
		try {
			XML.newXMLGregorianCalendar(dateTime.strip());
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
