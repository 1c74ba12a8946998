package dev.encore.engine.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Profiles live in Redis (or memory), outside the event's database transaction: when that
 * transaction does not commit (a journey failing to start, a constraint, a conflict that
 * is retried on fresh state), the profiles it changed are put back as they were, so no
 * event is ever half-applied. Runs while the customer's lock is still held.
 */
final class ProfileRollback implements TransactionSynchronization {

	private static final Logger log = LoggerFactory.getLogger(ProfileRollback.class);

	private final ProfileStore store;

	/** Each customer's profile before the transaction first changed it (empty: none). */
	private final Map<String, Optional<CustomerProfile>> before = new LinkedHashMap<>();

	private ProfileRollback(ProfileStore store) {
		this.store = store;
	}

	/**
	 * Remembers the profile as it was before a save in the current transaction; without a
	 * transaction there is nothing to roll back with.
	 */
	static void remember(ProfileStore store, String customerId, Optional<CustomerProfile> previous) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		ProfileRollback rollback = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter((registered) -> registered instanceof ProfileRollback mine && mine.store == store)
			.map(ProfileRollback.class::cast)
			.findFirst()
			.orElseGet(() -> {
				ProfileRollback created = new ProfileRollback(store);
				TransactionSynchronizationManager.registerSynchronization(created);
				return created;
			});
		rollback.before.putIfAbsent(customerId, previous);
	}

	@Override
	public void afterCompletion(int status) {
		// Unknown (a commit that failed mid-way) counts as not committed: PostgreSQL
		// rolls back a failed commit, and a replay of the event applies it again.
		if (status == STATUS_COMMITTED) {
			return;
		}
		this.before.forEach((customerId, previous) -> {
			try {
				previous.ifPresentOrElse(this.store::save, () -> this.store.delete(customerId));
				log.info("Profile of customer={} restored: its event was not applied", customerId);
			}
			catch (RuntimeException ex) {
				// Applying the event again (a retry, a replay) completes it: orders count
				// once per order id.
				log.error("Profile of customer={} could not be restored after its event failed", customerId, ex);
			}
		});
	}

}
