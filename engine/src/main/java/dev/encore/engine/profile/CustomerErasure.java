package dev.encore.engine.profile;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.store.CustomerData;

/**
 * The right to erasure: every feature erases what it keeps of the customer
 * ({@link CustomerData}: journeys ended and their history deleted, events deleted,
 * message-log rows, entries and conversions kept for journey statistics under a random
 * pseudonym, referral code and frequency caps forgotten), the database's data in one
 * transaction, and the profile is deleted last, once everything else is gone.
 */
@Service
class CustomerErasure {

	private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

	private final ProfileStore profiles;

	private final TransactionTemplate transactions;

	private final List<CustomerData> inDatabase;

	private final List<CustomerData> elsewhere;

	CustomerErasure(ProfileStore profiles, TransactionTemplate transactions, List<CustomerData> data) {
		this.profiles = profiles;
		this.transactions = transactions;
		this.inDatabase = data.stream().filter(CustomerData::inDatabase).toList();
		this.elsewhere = data.stream().filter((store) -> !store.inDatabase()).toList();
	}

	/** Whether Encore knew anything of the customer. */
	boolean erase(String customerId) {
		boolean known = this.profiles.find(customerId).isPresent();
		// One pseudonym for every feature: the erased customer's sends, entries and
		// conversions still belong together, to nobody.
		String pseudonym = "erased-" + UUID.randomUUID();
		int rows = this.transactions.execute((status) -> erase(this.inDatabase, customerId, pseudonym));
		int keys = erase(this.elsewhere, customerId, pseudonym);
		this.profiles.delete(customerId);
		log.info("Erased customer={} ({} database rows, {} other keys)", customerId, rows, keys);
		return known || rows + keys > 0;
	}

	private static int erase(List<CustomerData> stores, String customerId, String pseudonym) {
		int erased = 0;
		for (CustomerData store : stores) {
			erased += store.erase(customerId, pseudonym);
		}
		return erased;
	}

}
