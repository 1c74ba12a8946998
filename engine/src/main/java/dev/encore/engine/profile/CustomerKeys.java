package dev.encore.engine.profile;

/**
 * State another feature keeps per customer outside the profile (frequency-cap counters,
 * say); erasing a customer erases it too.
 */
public interface CustomerKeys {

	void erase(String customerId);

}
