package dev.encore.engine.profile;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * The latest sign of interest per kind; each only moves forward, so late events change
 * nothing.
 */
public record Engagement(Instant lastEmailOpenAt, Instant lastClickAt, Instant lastVisitAt) {

	public static final Engagement NONE = new Engagement(null, null, null);

	Engagement withEmailOpen(Instant at) {
		return new Engagement(later(this.lastEmailOpenAt, at), this.lastClickAt, this.lastVisitAt);
	}

	Engagement withClick(Instant at) {
		return new Engagement(this.lastEmailOpenAt, later(this.lastClickAt, at), this.lastVisitAt);
	}

	Engagement withVisit(Instant at) {
		return new Engagement(this.lastEmailOpenAt, this.lastClickAt, later(this.lastVisitAt, at));
	}

	/** The latest open, click or visit; null when there never was one. */
	public Instant lastAt() {
		return Stream.of(this.lastEmailOpenAt, this.lastClickAt, this.lastVisitAt)
			.filter((at) -> at != null)
			.max(Instant::compareTo)
			.orElse(null);
	}

	private static Instant later(Instant current, Instant incoming) {
		return current == null || incoming.isAfter(current) ? incoming : current;
	}

}
