package dev.encore.engine.channel;

import java.time.Instant;
import java.util.Map;

/**
 * The send step a message is composed for.
 *
 * @param journey the journey's key ({@code AbandonedCart})
 * @param step the send task's element id
 * @param at when the step runs
 * @param event the event that started the journey as templates see it, null when gone
 * @param inputs the step's input parameters
 */
public record SendStep(String customerId, String journey, String step, String sendKey, Instant at,
		Map<String, Object> event, Map<String, Object> inputs) {

	public SendStep {
		inputs = inputs == null ? Map.of() : inputs;
	}

}
