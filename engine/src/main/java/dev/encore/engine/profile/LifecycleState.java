package dev.encore.engine.profile;

import java.time.Instant;

/**
 * What the profile remembers of the lifecycle between events: the stage last announced
 * and which event changed it (so a retried event announces the change again rather than
 * losing it), whether the customer referred someone who bought, and since when marketing
 * has given up on them ({@code sunsetSince}, set by a win-back journey, lifted by an
 * order).
 */
public record LifecycleState(LifecycleStage stage, LifecycleStage previous, String changedBy, Instant advocateSince,
		Instant sunsetSince) {

	public static final LifecycleState NEW = new LifecycleState(null, null, null, null, null);

	LifecycleState changedTo(LifecycleStage next, String messageId) {
		return new LifecycleState(next, this.stage == null ? LifecycleStage.PROSPECT : this.stage, messageId,
				this.advocateSince, this.sunsetSince);
	}

	LifecycleState advocateSince(Instant at) {
		Instant since = this.advocateSince == null || at.isBefore(this.advocateSince) ? at : this.advocateSince;
		return new LifecycleState(this.stage, this.previous, this.changedBy, since, this.sunsetSince);
	}

	/** Sunset from {@code at} on; an earlier sunset keeps its date. */
	LifecycleState sunsetSince(Instant at) {
		return this.sunsetSince != null ? this
				: new LifecycleState(this.stage, this.previous, this.changedBy, this.advocateSince, at);
	}

	LifecycleState sunsetLifted() {
		return this.sunsetSince == null ? this
				: new LifecycleState(this.stage, this.previous, this.changedBy, this.advocateSince, null);
	}

}
