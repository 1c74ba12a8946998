package dev.encore.engine.event;

/**
 * Applies an event: once, in order for its customer, committed before it returns. Intake
 * implements it; scans, consent changes and anything else that emits events call it, so
 * every event takes the one path (dedupe, profile, journeys).
 */
public interface EventSink {

	Outcome process(CustomerEvent event);

	/** What became of an event. */
	enum Outcome {

		APPLIED, DUPLICATE;

		public String id() {
			return this == APPLIED ? "accepted" : "duplicate";
		}

	}

}
