package dev.encore.engine.journey;

/** Process variables every journey gets at entry, read by the steps that need them. */
public final class JourneyVariables {

	/** The customer the journey is for (also its business key). */
	public static final String CUSTOMER_ID = "customerId";

	/**
	 * The message id of the event that started the journey; its data is in the event
	 * history.
	 */
	public static final String TRIGGER_EVENT_ID = "triggerEventId";

	private JourneyVariables() {
	}

}
