package dev.encore.engine.intake;

import java.util.List;

import dev.encore.engine.event.EventSink;

/**
 * An event of a batch failed for good, on its own: the events before it are applied (with
 * these outcomes), the ones after it are not yet.
 */
public class EventBatchException extends RuntimeException {

	private final int index;

	private final transient EventSink.Outcome[] outcomes;

	EventBatchException(int index, EventSink.Outcome[] outcomes, RuntimeException cause) {
		super("Event " + index + " of the batch failed: " + cause, cause);
		this.index = index;
		this.outcomes = outcomes;
	}

	/** The failed event's position in the batch. */
	public int index() {
		return this.index;
	}

	/** What became of the events before it. */
	public List<EventSink.Outcome> before() {
		return List.of(this.outcomes);
	}

	EventSink.Outcome[] outcomes() {
		return this.outcomes;
	}

}
