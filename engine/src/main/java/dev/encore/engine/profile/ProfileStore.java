package dev.encore.engine.profile;

import java.time.Instant;
import java.time.MonthDay;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Where customer profiles live: Redis in production, memory for a try-out. */
public interface ProfileStore {

	Optional<CustomerProfile> find(String customerId);

	/** The stored profiles of these customers, by id; an unknown customer is left out. */
	default Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
		Map<String, CustomerProfile> found = new LinkedHashMap<>();
		customerIds.forEach((customerId) -> find(customerId).ifPresent((profile) -> found.put(customerId, profile)));
		return found;
	}

	/** Replaces the whole stored profile, orders included. */
	void save(CustomerProfile profile);

	/**
	 * Writes each profile as the change from {@code before} (as the writer read it) to
	 * {@code after}, all or none where the store can. A store may write only what
	 * changed, so that a field another writer set meanwhile without the customer's lock
	 * (a sunset mark) survives.
	 */
	default void saveChanges(Collection<Change> changes) {
		changes.forEach((change) -> save(change.after()));
	}

	/** A profile as a writer read it (empty: unknown then) and as it leaves it. */
	record Change(Optional<CustomerProfile> before, CustomerProfile after) {
	}

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

	/**
	 * The customers whose birthday falls on this day of the year, from an index (a
	 * February 29 birthday is found under 02-29 only).
	 */
	List<CustomerProfile> bornOn(MonthDay day);

	/**
	 * Marks a stored customer sunset from {@code since} on, touching nothing else of the
	 * profile (an order being applied at the same moment must not be lost); an unknown
	 * customer stays unknown, an earlier sunset keeps its date.
	 */
	void sunset(String customerId, Instant since);

}
