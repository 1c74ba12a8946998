package dev.encore.engine.profile;

import java.util.Optional;

/** Where customer profiles live: Redis in production, memory for a try-out. */
public interface ProfileStore {

	Optional<CustomerProfile> find(String customerId);

	void save(CustomerProfile profile);

	void delete(String customerId);

}
