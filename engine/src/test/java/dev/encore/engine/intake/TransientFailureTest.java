package dev.encore.engine.intake;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import dev.encore.engine.event.InvalidEventException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures a Kafka record waits out (retried with back-off, never dead-lettered)
 * and which send it to the dead-letter topic after a few attempts.
 */
class TransientFailureTest {

	@Test
	void databaseOutagesAreTransientHoweverDeepTheyAreWrapped() {
		assertThat(TransientFailure.reasonOf(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))
			.hasValue("database");
		assertThat(TransientFailure.reasonOf(new CannotGetJdbcConnectionException("down"))).hasValue("database");
		assertThat(TransientFailure.reasonOf(new ProcessEngineException("flush failed",
				new IllegalStateException(new SQLException("An I/O error occurred", "08006")))))
			.hasValue("database");
		assertThat(TransientFailure.reasonOf(new SQLException("the database system is shutting down", "57P01")))
			.hasValue("database");
		assertThat(TransientFailure.reasonOf(new SQLException("too many connections", "53300"))).hasValue("database");
		SQLException batch = new SQLException("Batch entry 0 was aborted", "42000");
		batch.setNextException(new SQLException("An I/O error occurred", "08006"));
		assertThat(TransientFailure.reasonOf(batch)).hasValue("database");
		// The rollback after a lost connection fails too: what broke the work decides.
		TransactionSystemException rollback = new TransactionSystemException("rollback failed");
		rollback.initApplicationException(new CannotGetJdbcConnectionException("down"));
		assertThat(TransientFailure.reasonOf(rollback)).hasValue("database");
	}

	@Test
	void anOutageIsADatabaseOrRedisFailureNotAConflict() {
		assertThat(TransientFailure.isOutage(new CannotGetJdbcConnectionException("down"))).isTrue();
		assertThat(TransientFailure.isOutage(new JedisDataException("READONLY You can't write against a replica")))
			.isTrue();
		assertThat(TransientFailure.isOutage(new OptimisticLockingException("changed meanwhile"))).isFalse();
		assertThat(TransientFailure.isOutage(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void redisOutagesAreTransient() {
		assertThat(TransientFailure.reasonOf(new JedisConnectionException(new ConnectException("refused"))))
			.hasValue("redis");
		assertThat(TransientFailure.reasonOf(new JedisDataException("LOADING Redis is loading the dataset")))
			.hasValue("redis");
		assertThat(TransientFailure.reasonOf(new JedisException("Could not get a resource from the pool",
				new NoSuchElementException("Timeout waiting for idle object"))))
			.hasValue("redis");
	}

	@Test
	void conflictsWithAnotherTransactionAreTransient() {
		assertThat(TransientFailure.reasonOf(new ListenerExecutionFailedException("listener failed",
				new OptimisticLockingException("changed meanwhile"))))
			.hasValue("conflict");
		assertThat(TransientFailure.reasonOf(new SQLException("deadlock detected", "40P01"))).hasValue("conflict");
	}

	@Test
	void bugsBadDataAndConstraintsAreNot() {
		assertThat(TransientFailure.reasonOf(new IllegalStateException("Unreadable profile JSON in Redis"))).isEmpty();
		assertThat(TransientFailure.reasonOf(new ClassCastException("String cannot be cast to Map"))).isEmpty();
		assertThat(TransientFailure.reasonOf(new DataIntegrityViolationException("check constraint",
				new SQLException("violates check constraint", "23514"))))
			.isEmpty();
		assertThat(TransientFailure.reasonOf(new JedisDataException("WRONGTYPE Operation against a key"))).isEmpty();
		assertThat(TransientFailure.reasonOf(new SQLException("numeric field overflow", "22003"))).isEmpty();
	}

	@Test
	void deadLetterReasonNamesTheExceptionAndItsRootCause() {
		assertThat(KafkaIntakeConfiguration.reason(new ListenerExecutionFailedException("listener failed",
				new IllegalStateException("Unreadable profile JSON in Redis",
						new RuntimeException("Unexpected '{'\nat")))))
			.isEqualTo("IllegalStateException: Unreadable profile JSON in Redis <- RuntimeException: Unexpected '{'");
		assertThat(KafkaIntakeConfiguration.reason(new ListenerExecutionFailedException("listener failed",
				new InvalidEventException("properties.total", "must be a finite number"))))
			.isEqualTo("properties.total must be a finite number");
	}

}
