package dev.encore.engine.intake;

import dev.encore.engine.event.CustomerEvent;

/** An event that kept conflicting with concurrent journey changes; safe to send again. */
public class EventConflictException extends RuntimeException {

	EventConflictException(CustomerEvent event, int attempts, Throwable cause) {
		super("Event " + event.messageId() + " of customer " + event.customerId() + " conflicted " + attempts
				+ " times with concurrent journey changes", cause);
	}

}
