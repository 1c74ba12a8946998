package dev.encore.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A purchase ending the cart journey while the job executor fires its reminder: on
 * PostgreSQL the two transactions can lock the instance's job and execution rows in
 * opposite order, and the server rolls one of them back as a deadlock. Seen in the 1M
 * benchmark as an HTTP 500; the event must be applied on the next attempt instead.
 */
@EnabledIf("dev.encore.engine.testsupport.TestDatabase#postgres")
class DeadlockRetryTest extends JourneyScenarioTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPurchaseThatLosesADeadlockToTheFiringReminderIsAppliedOnTheNextAttempt() throws Exception {
		String customer = customer();
		event(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(customer)
			.processDefinitionKey("AbandonedCart")
			.singleResult()
			.getId();
		long deadlocksBefore = deadlocks();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection reminder = this.dataSource.getConnection()) {
			reminder.setAutoCommit(false);
			// As the firing timer does: first the instance's execution row...
			lock(reminder, "SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = ? FOR UPDATE", instance);
			Future<Integer> purchase = pool
				.submit(() -> send(TestEvents.orderCompleted(customer)).andReturn().getResponse().getStatus());
			await().atMost(Duration.ofSeconds(20)).until(this::aDeleteWaitsForALock);
			// ...then the job row, which the purchase has already deleted: a cycle.
			lock(reminder, "SELECT ID_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ? FOR UPDATE", instance);
			reminder.rollback();

			assertThat(purchase.get(30, TimeUnit.SECONDS)).isEqualTo(202);
		}
		finally {
			pool.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> deadlocks() > deadlocksBefore);
		assertThat(activeJourneys(customer, "AbandonedCart")).isZero();
		assertThat(endEvents("AbandonedCart", customer)).containsExactly("EndEventConverted");
	}

	private static void lock(Connection connection, String sql, String instance) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, instance);
			statement.executeQuery().close();
		}
	}

	private boolean aDeleteWaitsForALock() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'delete%'""")
			.query(Long.class)
			.single() > 0;
	}

	/** Counted by the server, so the test knows the deadlock really happened. */
	private long deadlocks() {
		return this.jdbc.sql("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
			.query(Long.class)
			.single();
	}

}
