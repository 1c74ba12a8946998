package dev.encore.engine.profile;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.intake.CustomerEvent;

/** Turns events into profile changes. */
@Component
public class ProfileUpdater {

	static final String CHECKOUT_STARTED = "Checkout Started";

	static final String ORDER_COMPLETED = "Order Completed";

	private final ProfileStore store;

	ProfileUpdater(ProfileStore store) {
		this.store = store;
	}

	public void apply(CustomerEvent event) {
		CustomerProfile current = this.store.find(event.customerId())
			.orElseGet(() -> CustomerProfile.empty(event.customerId()));
		CustomerProfile updated = updated(current, event);
		if (!updated.equals(current)) {
			this.store.save(updated);
		}
	}

	private static CustomerProfile updated(CustomerProfile profile, CustomerEvent event) {
		CustomerProfile result = profile;
		if (!event.traits().isEmpty()) {
			result = result.withTraits(event.traits());
		}
		if (event.is(CHECKOUT_STARTED)) {
			result = result.withCart(event.properties());
		}
		else if (event.is(ORDER_COMPLETED)) {
			result = result.withCart(Map.of());
		}
		return result;
	}

}
