package dev.encore.engine.loyalty;

import java.time.Instant;

/**
 * What the profile keeps of a customer's tier (as {@code ext:loyalty}): the tier last
 * announced, the one before, since when, and which event changed it, so that the same
 * event applied again after its transaction failed announces the change again rather than
 * losing it.
 *
 * @param tier null before the first evaluation (the first order, refund or visit)
 */
record TierState(String tier, String previous, Instant since, String changedBy) {

	static final TierState NONE = new TierState(null, null, null, null);

	TierState changedTo(String next, Instant at, String messageId) {
		return new TierState(next, this.tier, at, messageId);
	}

}
