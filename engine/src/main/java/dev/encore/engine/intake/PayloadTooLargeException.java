package dev.encore.engine.intake;

import java.io.IOException;

/**
 * A request or event over Encore's size limits (Segment's: 32 KB per event, 500 KB per
 * batch).
 */
public class PayloadTooLargeException extends IOException {

	public PayloadTooLargeException(String what, long limit) {
		super(what + " is larger than " + limit / 1024 + " KB");
	}

}
