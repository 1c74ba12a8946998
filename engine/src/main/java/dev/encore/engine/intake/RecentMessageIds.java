package dev.encore.engine.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Message ids applied recently: a cheap first check that also outlives the event history.
 * An id is remembered only after its event committed, so a failed attempt never makes the
 * retry look like a duplicate; the database's unique key stays the authority inside the
 * transaction. In Redis when it is configured; without it (try-out) nothing is remembered
 * and the database key alone dedupes. See docs/decisions/004-dedupe-and-retention.md.
 */
interface RecentMessageIds {

	/** Whether the id was applied within the window; fails while Redis is down. */
	boolean seen(String messageId);

	/** Called after the event's transaction committed; never fails the event. */
	void remember(String messageId);

	/** Of the ids, those {@link #seen}: one round trip for a batch where it can. */
	default Set<String> seenOf(List<String> messageIds) {
		Set<String> seen = new HashSet<>();
		messageIds.stream().filter(this::seen).forEach(seen::add);
		return seen;
	}

	/** {@link #remember} for a batch's ids. */
	default void rememberAll(List<String> messageIds) {
		messageIds.forEach(this::remember);
	}

}
