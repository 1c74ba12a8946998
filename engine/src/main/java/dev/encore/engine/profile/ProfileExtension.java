package dev.encore.engine.profile;

import java.time.Instant;
import java.util.List;

import dev.encore.engine.event.CustomerEvent;

/**
 * A feature that extends the customer profile from above (loyalty: tier, points, interest
 * tags) without the profile knowing it: its state rides in the profile's one read and one
 * write per event ({@link CustomerProfile#extension}, JSON only the feature reads), is
 * put back with the profile when the event's transaction fails and erased with it, and
 * its section shows in the view as {@code profile.<name>}.
 */
public interface ProfileExtension {

	/**
	 * The section's name in the view ({@code profile.loyalty}) and the key of the state
	 * it keeps: lower-case letters.
	 */
	String name();

	/**
	 * Applies the event after the profile's own fields (orders, engagement, lifecycle),
	 * inside the event's transaction: the feature may write its own rows there too.
	 * @return the profile with the feature's new state, and the internal events the
	 * change implies (recorded and correlated like {@code Lifecycle Stage Changed})
	 */
	Applied apply(CustomerProfile profile, CustomerEvent event);

	/**
	 * The section as support and journeys read it, as of {@code now}; journeys compute it
	 * only when an expression reads it.
	 */
	Object view(CustomerProfile profile, Instant now);

	/** What {@link #apply} made of the profile. */
	record Applied(CustomerProfile profile, List<CustomerEvent> events) {

		public Applied {
			events = List.copyOf(events);
		}

		/** Nothing changed. */
		public static Applied unchanged(CustomerProfile profile) {
			return new Applied(profile, List.of());
		}

	}

}
