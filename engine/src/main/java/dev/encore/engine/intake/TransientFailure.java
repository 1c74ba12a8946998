package dev.encore.engine.intake;

import java.sql.SQLException;
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

/**
 * The failures that pass by themselves, so a Kafka record is tried again, with back-off,
 * instead of being dead-lettered: the database or Redis unreachable or overloaded, and
 * another transaction changing the same customer. Everything else fails the same way on
 * every attempt: a bug, bad data, a constraint.
 */
final class TransientFailure {

	/**
	 * SQLSTATE classes: connection exception (08), insufficient resources (53, e.g. too
	 * many connections), the server shutting down or starting (57P01-57P03).
	 */
	private static final List<String> UNAVAILABLE_STATES = List.of("08", "53", "57P01", "57P02", "57P03");

	private static final List<String> REDIS_NOT_NOW = List.of("LOADING", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN");

	private TransientFailure() {
	}

	/**
	 * {@code database}, {@code redis} or {@code conflict}; empty for any other failure.
	 */
	static Optional<String> reasonOf(Throwable failure) {
		if (TransientConflict.isCause(failure)) {
			return Optional.of("conflict");
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof EventConflictException) {
				return Optional.of("conflict");
			}
			if (redisUnavailable(cause)) {
				return Optional.of("redis");
			}
			if (databaseUnavailable(cause)) {
				return Optional.of("database");
			}
		}
		return Optional.empty();
	}

	private static boolean redisUnavailable(Throwable cause) {
		if (cause instanceof JedisConnectionException || cause instanceof JedisBusyException) {
			return true;
		}
		// A reply saying "not now" (loading its data set, a failover), or every pooled
		// connection busy.
		if (cause instanceof JedisDataException reply) {
			return reply.getMessage() != null && REDIS_NOT_NOW.stream().anyMatch(reply.getMessage()::startsWith);
		}
		return cause instanceof JedisException && cause.getCause() instanceof NoSuchElementException;
	}

	private static boolean databaseUnavailable(Throwable cause) {
		if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
				|| cause instanceof DataAccessResourceFailureException
				|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
				|| cause instanceof SQLRecoverableException) {
			return true;
		}
		return cause instanceof SQLException sql && sql.getSQLState() != null
				&& UNAVAILABLE_STATES.stream().anyMatch(sql.getSQLState()::startsWith);
	}

}
