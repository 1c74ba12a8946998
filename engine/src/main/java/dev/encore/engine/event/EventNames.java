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
	 * A customer moved between loyalty tiers ({@code from}, null for the first tier;
	 * {@code to}; {@code direction} {@code up}, {@code down} or {@code first}; the new
	 * tier's {@code perks}).
	 */
	public static final String TIER_CHANGED = "Tier Changed";

	/**
	 * The daily loyalty scan asks for a customer's tier to be worked out again: days
	 * since the last visit grew past a threshold of the tier table.
	 */
	public static final String TIER_REVIEWED = "Tier Reviewed";

	/**
	 * Points will expire soon ({@code points}, {@code expiresAt}: the first of them,
	 * {@code balance}).
	 */
	public static final String POINTS_EXPIRING = "Points Expiring";

	/** The daily loyalty scan found points past their expiry ({@code points}). */
	public static final String POINTS_EXPIRED = "Points Expired";

	/**
	 * A year (or more) since the customer's first order ({@code years},
	 * {@code memberSince}).
	 */
	public static final String MEMBERSHIP_ANNIVERSARY = "Membership Anniversary";

	/**
	 * The storefront reported an on-site inbox message seen ({@code messageId},
	 * {@code journey}, {@code step}); only through the inbox API, which knows the
	 * message.
	 */
	public static final String IN_APP_MESSAGE_VIEWED = "In-App Message Viewed";

	/**
	 * Events Encore derives itself: a storefront may not send them, or anyone with the
	 * intake's address could start win-back or VIP journeys for any customer, or give
	 * points.
	 */
	public static final Set<String> INTERNAL = Set.of(LIFECYCLE_STAGE_CHANGED, CHURN_RISK_DETECTED, BIRTHDAY_REACHED,
			TIER_CHANGED, TIER_REVIEWED, POINTS_EXPIRING, POINTS_EXPIRED, MEMBERSHIP_ANNIVERSARY,
			IN_APP_MESSAGE_VIEWED);

	/** The {@code source} of the events Encore emits itself. */
	public static final String INTERNAL_SOURCE = "encore";

	private EventNames() {
	}

}
