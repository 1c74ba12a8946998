package dev.encore.engine.loyalty;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.InvalidEventException;
import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * For journeys ({@code ${feedback.unhappy(event)}}, journeys/service-recovery.bpmn):
 * whether a review or an NPS answer says the customer was let down. The event has passed
 * {@link FeedbackExtension}'s checks by then.
 */
@Component("feedback")
@JourneyBean
public class ServiceRecovery {

	/**
	 * A review ({@code rating} present) rated 2 or less, overall or in any aspect; else
	 * an NPS answer of a detractor (0 to 6).
	 * @param properties the event's properties, as {@code event} in an entry filter
	 */
	public boolean unhappy(Map<String, Object> properties) {
		try {
			return properties.containsKey("rating") ? Review.of(properties).low()
					: NpsAnswer.of(properties).detractor();
		}
		catch (InvalidEventException ex) {
			// An NPS answer with a stray rating, say: a filter refuses, it never fails
			// the
			// event.
			return false;
		}
	}

}
