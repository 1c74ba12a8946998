package dev.encore.engine.intake;

/**
 * A Segment call without a valid write key. The key itself is never part of the message.
 */
public class WriteKeyException extends RuntimeException {

	WriteKeyException(String problem) {
		super(problem);
	}

}
