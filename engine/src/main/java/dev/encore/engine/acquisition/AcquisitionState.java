package dev.encore.engine.acquisition;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the profile keeps of where a customer came from ({@code profile.acquisition}): the
 * first touch, the last one that was not a direct visit (unless every visit was direct),
 * and visits per source.
 *
 * @param sources visits per source, at most {@code maxSources} of them (the rest count
 * under {@code other})
 * @param seenAt the latest event that carried a page, to the minute: a touch seen again
 * within the visit gap of it is the same visit
 */
record AcquisitionState(Touch first, Touch last, Map<String, Integer> sources, Instant seenAt) {

	static final AcquisitionState NONE = new AcquisitionState(null, null, Map.of(), null);

	static final String OTHER = "other";

	private static final Duration SEEN_STEP = Duration.ofMinutes(1);

	AcquisitionState {
		sources = sources == null ? Map.of() : new LinkedHashMap<>(sources);
	}

	/** The state after the customer was seen arriving by this touch. */
	AcquisitionState seen(Touch touch, Duration visitGap, int maxSources) {
		boolean newVisit = this.seenAt == null || touch.at().isAfter(this.seenAt.plus(visitGap))
				|| (!touch.direct() && !touch.sameAs(this.last));
		Touch first = this.first == null || touch.at().isBefore(this.first.at()) ? touch : this.first;
		Touch last = this.last;
		boolean later = last == null || !touch.at().isBefore(last.at());
		// A direct visit does not take the credit from the campaign or site that brought
		// the customer before (Google Analytics' last non-direct click).
		if (later && newVisit && (last == null || !touch.direct() || last.direct())) {
			last = touch;
		}
		Map<String, Integer> sources = this.sources;
		if (newVisit) {
			sources = new LinkedHashMap<>(this.sources);
			// One place is kept for "other": never more than maxSources keys.
			String key = sources.containsKey(touch.source()) || sources.size() < maxSources - 1 ? touch.source()
					: OTHER;
			sources.merge(key, 1, Integer::sum);
		}
		// Moved on by the minute only: most page events of a visit then change nothing
		// and cost no profile write; a 30-minute gap does not need the second.
		Instant seenAt = this.seenAt == null || touch.at().isAfter(this.seenAt.plus(SEEN_STEP)) ? touch.at()
				: this.seenAt;
		return new AcquisitionState(first, last, sources, seenAt);
	}

}
