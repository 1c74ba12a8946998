package dev.encore.engine.profile;

import java.time.Instant;

/**
 * What the profile remembers of the lifecycle between events: the stage last announced
 * and which event changed it (so a retried event announces the change again rather than
 * losing it), and whether the customer referred someone who bought.
 */
public record LifecycleState(LifecycleStage stage, LifecycleStage previous, String changedBy, Instant advocateSince) {

	public static final LifecycleState NEW = new LifecycleState(null, null, null, null);

	LifecycleState changedTo(LifecycleStage next, String messageId) {
		return new LifecycleState(next, this.stage == null ? LifecycleStage.PROSPECT : this.stage, messageId,
				this.advocateSince);
	}

	LifecycleState advocateSince(Instant at) {
		Instant since = this.advocateSince == null || at.isBefore(this.advocateSince) ? at : this.advocateSince;
		return new LifecycleState(this.stage, this.previous, this.changedBy, since);
	}

}
