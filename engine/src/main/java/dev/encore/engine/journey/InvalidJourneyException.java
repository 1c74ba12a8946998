package dev.encore.engine.journey;

/**
 * A journey property a marketer set that Encore cannot use; the message says which and
 * why.
 */
public class InvalidJourneyException extends RuntimeException {

	public InvalidJourneyException(String message) {
		super(message);
	}

}
