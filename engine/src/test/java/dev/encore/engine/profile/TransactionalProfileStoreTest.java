package dev.encore.engine.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.testsupport.ChannelFixtures;
import dev.encore.engine.testsupport.CustomerEvents;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction's profiles, against a real redis-server and a real (H2) database
 * transaction: read once, written once at the commit, put back when the commit fails.
 */
class TransactionalProfileStoreTest {

	private static final JedisPooled redis = TestRedis.client();

	private static final ProfileProperties PROPERTIES = ProfileProperties.defaults();

	private final String prefix = TestRedis.uniquePrefix();

	private final Counter roundTrips = new SimpleMeterRegistry().counter("round-trips");

	private final RedisProfileStore redisStore = new RedisProfileStore(redis, this.prefix, new ObjectMapper(),
			this.roundTrips);

	private final TransactionalProfileStore store = new TransactionalProfileStore(this.redisStore);

	private final ProfileUpdater updater = new ProfileUpdater(this.store, new Lifecycle(PROPERTIES), PROPERTIES,
			ChannelFixtures.shipped());

	private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(h2()));

	private final CustomerProfile ada = CustomerProfile.empty("ada").withTraits(Map.of("email", "ada@example.org"));

	@Test
	void aBatchOfManyEventsReadsItsProfilesOnceAndWritesThemOnceAtTheCommit() {
		this.redisStore.save(this.ada);
		List<CustomerEvent> batch = new ArrayList<>();
		for (String customer : List.of("ada", "bob", "cy")) {
			for (int order = 1; order <= 3; order++) {
				batch.add(CustomerEvents.order(customer, customer + "-o" + order, "10").build());
			}
			batch.add(CustomerEvents.track("Site Visited", customer).build());
		}
		double before = this.roundTrips.count();

		this.transactions.executeWithoutResult((status) -> {
			this.updater.readAhead(List.of("ada", "bob", "cy"));
			batch.forEach(this.updater::apply);
			// What the batch's entry filters see, while nothing is written yet.
			assertThat(this.store.find("ada").orElseThrow().orders().orders()).hasSize(3);
			assertThat(this.redisStore.find("ada")).contains(this.ada);
			assertThat(this.redisStore.find("bob")).isEmpty();
		});

		// One read pipeline, one write (the asserts' own reads not counted).
		assertThat(this.roundTrips.count() - before).isEqualTo(2 + 2);
		for (String customer : List.of("ada", "bob", "cy")) {
			CustomerProfile stored = this.redisStore.find(customer).orElseThrow();
			assertThat(stored.orders().orders()).hasSize(3);
			assertThat(stored.engagement().lastVisitAt()).isNotNull();
		}
		assertThat(this.redisStore.find("ada").orElseThrow().email()).isEqualTo("ada@example.org");
	}

	@Test
	void aRolledBackTransactionWritesNothing() {
		this.redisStore.save(this.ada);

		this.transactions.executeWithoutResult((status) -> {
			this.updater.apply(CustomerEvents.order("ada", "o-1", "10").build());
			this.updater.apply(CustomerEvents.order("bob", "o-2", "10").build());
			status.setRollbackOnly();
		});

		assertThat(this.redisStore.find("ada")).contains(this.ada);
		assertThat(this.redisStore.find("bob")).isEmpty();
	}

	@Test
	void aCommitFailingAfterTheWritePutsTheProfilesBack() {
		this.redisStore.save(this.ada);

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.updater.apply(CustomerEvents.order("ada", "o-1", "10").build());
			this.updater.apply(CustomerEvents.order("bob", "o-2", "10").build());
			TransactionSynchronizationManager.registerSynchronization(new FailingCommit(this.redisStore));
		})).hasMessage("commit refused");

		assertThat(this.redisStore.find("ada")).contains(this.ada);
		assertThat(this.redisStore.find("bob")).isEmpty();
	}

	@Test
	void aTransactionStartedInsideAnotherKeepsItsOwnProfiles() {
		TransactionTemplate inner = new TransactionTemplate(this.transactions.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		this.transactions.executeWithoutResult((status) -> {
			this.store.save(this.ada);
			inner.executeWithoutResult((innerStatus) -> {
				assertThat(this.store.find("ada")).as("not committed yet").isEmpty();
				this.store.save(CustomerProfile.empty("bob"));
			});
			assertThat(this.redisStore.find("bob")).as("committed with the inner transaction").isPresent();
			assertThat(this.redisStore.find("ada")).isEmpty();
		});

		assertThat(this.redisStore.find("ada")).contains(this.ada);
	}

	@Test
	void aSunsetMarkSetMeanwhileWithoutTheLockSurvivesTheCommit() {
		this.redisStore.save(this.ada);
		Instant since = Instant.parse("2026-11-01T00:00:00Z");

		this.transactions.executeWithoutResult((status) -> {
			this.updater.apply(CustomerEvents.track("Email Opened", "ada").build());
			// The win-back journey's job, on another thread, straight to Redis.
			this.redisStore.sunset("ada", since);
		});

		CustomerProfile stored = this.redisStore.find("ada").orElseThrow();
		assertThat(stored.lifecycle().sunsetSince()).isEqualTo(since);
		assertThat(stored.engagement().lastEmailOpenAt()).isNotNull();
	}

	@Test
	void aSunsetInTheTransactionIsSeenByItAndKept() {
		this.redisStore.save(this.ada);
		Instant since = Instant.parse("2026-11-01T00:00:00Z");

		this.transactions.executeWithoutResult((status) -> {
			this.updater.apply(CustomerEvents.track("Email Opened", "ada").build());
			this.store.sunset("ada", since);
			assertThat(this.store.find("ada").orElseThrow().lifecycle().sunsetSince()).isEqualTo(since);
		});

		assertThat(this.redisStore.find("ada").orElseThrow().lifecycle().sunsetSince()).isEqualTo(since);
	}

	@Test
	void aProfileFirstSavedAfterTheCommitIsWrittenNotDropped() {
		this.transactions.executeWithoutResult(
				(status) -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

					@Override
					public void afterCommit() {
						TransactionalProfileStoreTest.this.store.save(TransactionalProfileStoreTest.this.ada);
					}

				}));

		assertThat(this.redisStore.find("ada")).contains(this.ada);
	}

	@Test
	void outsideATransactionEverySaveIsWrittenAtOnce() {
		this.store.save(this.ada);

		assertThat(this.redisStore.find("ada")).contains(this.ada);
		this.transactions.executeWithoutResult((status) -> {
			assertThat(this.store.find("ada")).contains(this.ada);
			// Erasure happens at once, and the transaction reads the customer as unknown.
			this.store.delete("ada");
			assertThat(this.store.find("ada")).isEmpty();
			assertThat(this.redisStore.find("ada")).isEmpty();
		});
	}

	/**
	 * Refuses the commit after the profiles were written, having checked that they were.
	 */
	private record FailingCommit(ProfileStore stored) implements TransactionSynchronization {

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			assertThat(this.stored.find("bob")).isPresent();
			throw new IllegalStateException("commit refused");
		}

	}

	private static JdbcDataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:transactional-profiles;DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	@AfterEach
	void removeKeys() {
		TestRedis.removeKeys(redis, this.prefix);
	}

	@AfterAll
	static void close() {
		redis.close();
	}

}
