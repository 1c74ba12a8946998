package dev.encore.engine.store;

/**
 * What one feature keeps about a customer, erased on the customer's request (the right to
 * erasure). Each feature implements it for its own tables and keys only, and the erasure
 * calls every implementation: no feature reaches into another's data, and a new store of
 * customer data is one more implementation.
 */
public interface CustomerData {

	/**
	 * Erases what this feature keeps about the customer. Rows that journey figures still
	 * count stay, with the customer id replaced by {@code pseudonym}: random, the same in
	 * every feature for one erasure, leading back to nobody.
	 * @return how many rows or keys held the customer
	 */
	int erase(String customerId, String pseudonym);

	/**
	 * Whether the data is in the database (Encore's tables or Camunda's), as most is: all
	 * of it is erased in one transaction, committed before the data elsewhere (Redis,
	 * which says false) is erased.
	 */
	default boolean inDatabase() {
		return true;
	}

}
