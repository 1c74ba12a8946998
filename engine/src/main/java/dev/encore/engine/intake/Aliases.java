package dev.encore.engine.intake;

import java.util.Optional;

/**
 * Which customer an anonymous visitor turned out to be (Segment {@code alias}, or
 * {@code identify} carrying both ids): later anonymous events of that visitor belong to
 * the customer. In Redis when it is configured, else in memory (try-out);
 * {@link IntakeConfiguration} picks the form.
 */
interface Aliases {

	/** From now on the visitor is the customer, replacing an earlier link. */
	void link(String anonymousId, String customerId);

	Optional<String> customerOf(String anonymousId);

}
