package dev.encore.engine.profile;

import java.util.Optional;
import java.util.function.Consumer;

/** Where customer profiles live: Redis in production, memory for a try-out. */
public interface ProfileStore {

	Optional<CustomerProfile> find(String customerId);

	/** Replaces the whole stored profile, orders included. */
	void save(CustomerProfile profile);

	void delete(String customerId);

	/**
	 * The customer with this email address or E.164 phone number, for support's search.
	 */
	Optional<CustomerProfile> findByContact(String emailOrPhone);

	/** {@link #findByContact} finds a LINE user as {@code line:<user id>}. */
	String LINE_CONTACT = "line:";

	/** How support's search and the stores' contact index spell an email or phone. */
	static String contactKey(String emailOrPhone) {
		return emailOrPhone.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** Every stored profile, in no particular order; for scans over the customer base. */
	void forEach(Consumer<CustomerProfile> action);

}
