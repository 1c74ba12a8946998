package dev.encore.engine.event;

import java.util.Set;

/**
 * The events Encore derives itself, named once: features emit them, journeys start on
 * them, intake refuses them from outside.
 */
public final class EventNames {

	/** A customer moved between lifecycle stages ({@code from}, {@code to}). */
	public static final String LIFECYCLE_STAGE_CHANGED = "Lifecycle Stage Changed";

	/** A churn signal started a risk episode ({@code signal}, {@code severity}). */
	public static final String CHURN_RISK_DETECTED = "Churn Risk Detected";

	/** The customer's birthday in their time zone ({@code localDate}). */
	public static final String BIRTHDAY_REACHED = "Birthday Reached";

	/**
	 * Events Encore derives itself: a storefront may not send them, or anyone with the
	 * intake's address could start win-back or VIP journeys for any customer.
	 */
	public static final Set<String> INTERNAL = Set.of(LIFECYCLE_STAGE_CHANGED, CHURN_RISK_DETECTED, BIRTHDAY_REACHED);

	/** The {@code source} of the events Encore emits itself. */
	public static final String INTERNAL_SOURCE = "encore";

	private EventNames() {
	}

}
