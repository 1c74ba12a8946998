package dev.encore.engine.intake;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The failures that pass by themselves, decided once from the whole cause chain (Camunda
 * and MyBatis wrap the driver's exception in their own): the database or Redis
 * unreachable or overloaded (an outage: HTTP answers 503 with Retry-After, Kafka backs
 * off and retries), and another transaction changing the same customer (a conflict:
 * applied again). Everything else fails the same way on every attempt: a bug, bad data, a
 * constraint (HTTP 4xx/500, Kafka dead-letters after a few tries).
 */
public final class TransientFailure {

	/**
	 * SQLSTATE classes: connection exception (08), insufficient resources (53, e.g. too
	 * many connections), the server shutting down or starting (57P01-57P03).
	 */
	private static final List<String> UNAVAILABLE_STATES = List.of("08", "53", "57P01", "57P02", "57P03");

	/** Redis replies meaning "not now": loading, failing over, a long script running. */
	private static final List<String> REDIS_NOT_NOW = List.of("LOADING", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN",
			"READONLY", "BUSY");

	private static final int MAX_DEPTH = 32;

	private TransientFailure() {
	}

	/** Whether a store Encore needs is unavailable right now: answered 503, never 500. */
	public static boolean isOutage(Throwable failure) {
		return reasonOf(failure).filter((reason) -> !"conflict".equals(reason)).isPresent();
	}

	/**
	 * {@code database}, {@code redis} or {@code conflict}; empty for any other failure.
	 */
	static Optional<String> reasonOf(Throwable failure) {
		if (TransientConflict.isCause(failure)) {
			return Optional.of("conflict");
		}
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
			if (cause instanceof EventConflictException) {
				return Optional.of("conflict");
			}
			if (redisUnavailable(cause)) {
				return Optional.of("redis");
			}
			if (databaseUnavailable(cause)) {
				return Optional.of("database");
			}
			// The rollback after a lost connection fails too; what broke the work is kept
			// aside.
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				return reasonOf(rollback.getApplicationException());
			}
		}
		return Optional.empty();
	}

	private static boolean redisUnavailable(Throwable cause) {
		if (cause instanceof JedisConnectionException || cause instanceof JedisBusyException) {
			return true;
		}
		if (cause instanceof JedisDataException reply) {
			return reply.getMessage() != null && REDIS_NOT_NOW.stream().anyMatch(reply.getMessage()::startsWith);
		}
		// Every pooled connection busy.
		return cause instanceof JedisException && cause.getCause() instanceof NoSuchElementException;
	}

	private static boolean databaseUnavailable(Throwable cause) {
		if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
				|| cause instanceof DataAccessResourceFailureException
				|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
				|| cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException) {
			return true;
		}
		// The driver may report the cause on a batch's next exception only.
		for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null; sql = sql
			.getNextException()) {
			String state = sql.getSQLState();
			if (state != null && UNAVAILABLE_STATES.stream().anyMatch(state::startsWith)) {
				return true;
			}
		}
		return false;
	}

}
