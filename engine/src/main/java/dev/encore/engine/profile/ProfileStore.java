package dev.encore.engine.profile;

import java.util.Optional;
import java.util.function.Consumer;

/** Where customer profiles live: Redis in production, memory for a try-out. */
public interface ProfileStore {

	Optional<CustomerProfile> find(String customerId);

	/** Replaces the whole stored profile, orders included. */
	void save(CustomerProfile profile);

	void delete(String customerId);

	/** Every stored profile, in no particular order; for scans over the customer base. */
	void forEach(Consumer<CustomerProfile> action);

}
