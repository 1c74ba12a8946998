package dev.encore.engine.delivery;

import java.time.Instant;

/**
 * Ends a send job without sending: the job is due again at {@code until} (quiet hours, a
 * full cap), with its retries untouched and no incident. The journey waits meanwhile and
 * can still be ended by its exit event, which removes the job.
 */
class SendDeferredException extends RuntimeException {

	private final transient Instant until;

	SendDeferredException(Instant until) {
		super("send deferred until " + until, null, false, false);
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
