package dev.encore.engine.correlation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.journey.IsoDurations;
import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.journey.JourneyVariables;
import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * When an order has arrived and settled, for a timer's date
 * {@code ${expectedDelivery.after(execution, deliveryDelay, settleDelay)}}: the
 * {@code expected_delivery_date} of the order event that started the journey (ISO-8601
 * date-time, or a date meaning that day's start in the shop's time zone), else entry plus
 * {@code deliveryDelay}; then {@code settleDelay} more. A date already past counts from
 * now.
 */
@Component("expectedDelivery")
@JourneyBean
public class ExpectedDelivery {

	static final String PROPERTY = "expected_delivery_date";

	private final EventHistory events;

	private final Clock clock;

	private final ZoneId shopZone;

	ExpectedDelivery(EventHistory events, Clock clock, JourneyProperties properties) {
		this.events = events;
		this.clock = clock;
		this.shopZone = properties.defaultTimeZone();
	}

	public Date after(DelegateExecution execution, String deliveryDelay, String settleDelay) {
		Instant now = this.clock.instant();
		Object trigger = execution.getVariable(JourneyVariables.TRIGGER_EVENT_ID);
		Instant delivered = trigger == null ? null
				: this.events.find(trigger.toString())
					.map((event) -> parse(event.properties().get(PROPERTY), this.shopZone))
					.orElse(null);
		if (delivered == null) {
			delivered = IsoDurations.plus(now, deliveryDelay);
		}
		else if (delivered.isBefore(now)) {
			delivered = now;
		}
		return Date.from(IsoDurations.plus(delivered, settleDelay));
	}

	/**
	 * The expected delivery instant, or null when the storefront sent none we can read.
	 */
	static Instant parse(Object value, ZoneId shopZone) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		String text = value.toString().strip();
		try {
			return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(shopZone).toInstant()
					: OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// A storefront's odd date must not stall the journey: the setting applies.
			return null;
		}
	}

}
