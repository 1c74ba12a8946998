package dev.encore.engine.intake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Aliases of the try-out without Redis: this node only, lost on restart. */
class InMemoryAliases implements Aliases {

	private final Map<String, String> customers = new ConcurrentHashMap<>();

	@Override
	public void link(String anonymousId, String customerId) {
		this.customers.put(anonymousId, customerId);
	}

	@Override
	public Optional<String> customerOf(String anonymousId) {
		return Optional.ofNullable(this.customers.get(anonymousId));
	}

}
