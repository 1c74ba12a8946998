package dev.encore.engine.profile;

import java.time.Instant;
import java.time.MonthDay;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The profile store as a database transaction sees it. Profiles live in Redis (or
 * memory), outside that transaction, so inside one each profile is read once, kept, and
 * written once just before the commit: a batch of a hundred events of ten customers costs
 * one read and one write pipeline instead of two round trips per event, and the entry
 * filters and journey expressions of the same transaction read the profile they changed
 * without asking the store again. Readers elsewhere see the change only once it is about
 * to commit, not while the event may still fail.
 * <p>
 * When the commit fails after the write, the profiles are put back as they were before
 * the transaction read them (a profile it created is deleted), so no event is ever
 * half-applied; that runs while the customers' locks are still held. The write is of what
 * changed since the read ({@link ProfileStore#saveChanges}), so a sunset mark another
 * thread set meanwhile, without the customer's lock, survives it. Outside a transaction
 * every call goes straight to the store. A transaction started inside another
 * (REQUIRES_NEW) has profiles of its own: none of Encore's change a profile the outer one
 * holds.
 */
final class TransactionalProfileStore implements ProfileStore {

	private static final Logger log = LoggerFactory.getLogger(TransactionalProfileStore.class);

	private final ProfileStore stored;

	TransactionalProfileStore(ProfileStore stored) {
		this.stored = stored;
	}

	@Override
	public Optional<CustomerProfile> find(String customerId) {
		Session session = session();
		return session == null ? this.stored.find(customerId) : session.find(List.of(customerId)).get(customerId);
	}

	/** Reads the profiles a transaction is about to change in one go. */
	@Override
	public Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
		Session session = session();
		if (session == null) {
			return this.stored.findAll(customerIds);
		}
		Map<String, CustomerProfile> found = new LinkedHashMap<>();
		session.find(customerIds).forEach((customerId, profile) -> profile.ifPresent((p) -> found.put(customerId, p)));
		return found;
	}

	@Override
	public void save(CustomerProfile profile) {
		Session session = session();
		if (session == null) {
			this.stored.save(profile);
		}
		else {
			session.find(List.of(profile.customerId()));
			session.current.put(profile.customerId(), Optional.of(profile));
		}
	}

	@Override
	public void delete(String customerId) {
		// Erasure is not put back by a rollback: it happens now, and the transaction
		// reads the customer as unknown from here on.
		this.stored.delete(customerId);
		Session session = session();
		if (session != null) {
			session.read.put(customerId, Optional.empty());
			session.current.put(customerId, Optional.empty());
		}
	}

	@Override
	public Optional<CustomerProfile> findByContact(String emailOrPhone) {
		return this.stored.findByContact(emailOrPhone);
	}

	@Override
	public void forEach(Consumer<CustomerProfile> action) {
		this.stored.forEach(action);
	}

	@Override
	public List<CustomerProfile> bornOn(MonthDay day) {
		return this.stored.bornOn(day);
	}

	@Override
	public void sunset(String customerId, Instant since) {
		this.stored.sunset(customerId, since);
		Session session = session();
		if (session != null) {
			// The kept copy too, as read and as changed: the commit must neither drop the
			// mark nor miss that this transaction lifts it.
			session.read.computeIfPresent(customerId, (id, profile) -> profile.map((p) -> sunset(p, since)));
			session.current.computeIfPresent(customerId, (id, profile) -> profile.map((p) -> sunset(p, since)));
		}
	}

	private static CustomerProfile sunset(CustomerProfile profile, Instant since) {
		return profile.withLifecycle(profile.lifecycle().sunsetSince(since));
	}

	private Session session() {
		// A scope with synchronization but no transaction (SUPPORTS) commits nothing to
		// wait for.
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		Session session = (Session) TransactionSynchronizationManager.getResource(this);
		if (session != null && session.written != null) {
			// Written already (work in another synchronization at the commit): straight
			// to the store, or the change would be lost.
			return null;
		}
		if (session == null) {
			session = new Session();
			TransactionSynchronizationManager.bindResource(this, session);
			TransactionSynchronizationManager.registerSynchronization(session);
		}
		return session;
	}

	/** One transaction's profiles: as read, and as they are now. */
	private final class Session implements TransactionSynchronization {

		private final Map<String, Optional<CustomerProfile>> read = new LinkedHashMap<>();

		private final Map<String, Optional<CustomerProfile>> current = new LinkedHashMap<>();

		/**
		 * Once written before the commit: the changed profiles as they were, to put back
		 * if the commit fails.
		 */
		private Map<String, Optional<CustomerProfile>> written;

		Map<String, Optional<CustomerProfile>> find(Collection<String> customerIds) {
			List<String> missing = customerIds.stream()
				.filter((id) -> !this.current.containsKey(id))
				.distinct()
				.toList();
			if (!missing.isEmpty()) {
				Map<String, CustomerProfile> found = TransactionalProfileStore.this.stored.findAll(missing);
				for (String customerId : missing) {
					Optional<CustomerProfile> profile = Optional.ofNullable(found.get(customerId));
					this.read.put(customerId, profile);
					this.current.put(customerId, profile);
				}
			}
			Map<String, Optional<CustomerProfile>> result = new LinkedHashMap<>();
			customerIds.forEach((customerId) -> result.put(customerId, this.current.get(customerId)));
			return result;
		}

		@Override
		public int getOrder() {
			// Before anything else that runs at the commit: a failed write must still
			// be able to roll the transaction back.
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void suspend() {
			// A new transaction inside this one (REQUIRES_NEW) keeps its own profiles.
			TransactionSynchronizationManager.unbindResource(TransactionalProfileStore.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(TransactionalProfileStore.this, this);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.written = write();
		}

		/** Writes what the transaction changed; the changed profiles as they were. */
		private Map<String, Optional<CustomerProfile>> write() {
			List<ProfileStore.Change> changes = this.current.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().isPresent()
						&& !entry.getValue().equals(this.read.get(entry.getKey())))
				.map((entry) -> new ProfileStore.Change(this.read.get(entry.getKey()), entry.getValue().get()))
				.toList();
			Map<String, Optional<CustomerProfile>> before = new LinkedHashMap<>();
			changes.forEach((change) -> before.put(change.after().customerId(), change.before()));
			if (!changes.isEmpty()) {
				TransactionalProfileStore.this.stored.saveChanges(changes);
			}
			return before;
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(TransactionalProfileStore.this);
			if (status == STATUS_COMMITTED && this.written == null) {
				// First used after the commit's synchronizations were listed (an
				// after-commit callback): its changes are written now, not dropped.
				this.written = write();
				return;
			}
			// Unknown (a commit that failed mid-way) counts as not committed: PostgreSQL
			// rolls back a failed commit, and a replay of the event applies it again.
			if (status == STATUS_COMMITTED || this.written == null) {
				return;
			}
			this.written.forEach((customerId, previous) -> {
				try {
					previous.ifPresentOrElse(TransactionalProfileStore.this.stored::save,
							() -> TransactionalProfileStore.this.stored.delete(customerId));
					log.info("Profile of customer={} restored: its event was not applied", customerId);
				}
				catch (RuntimeException ex) {
					// Applying the event again (a retry, a replay) completes it: orders
					// count once per order id.
					log.error("Profile of customer={} could not be restored after its event failed", customerId, ex);
				}
			});
		}

	}

}
