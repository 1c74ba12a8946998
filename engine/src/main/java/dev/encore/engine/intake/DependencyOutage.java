package dev.encore.engine.intake;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that say a store Encore needs (the database, Redis) cannot be reached right
 * now, so nothing was applied and the same request succeeds once it is back: answered 503
 * with Retry-After, never 500. Decided once here, from the whole cause chain, because
 * Camunda and MyBatis wrap the driver's exception in their own.
 */
public final class DependencyOutage {

	// SQLSTATE class 08 (connection exception) and the server shutting down or starting.
	private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

	// Redis answers these while it loads, fails over or runs a long script.
	private static final Set<String> REDIS_BUSY = Set.of("LOADING", "READONLY", "MASTERDOWN", "BUSY", "TRYAGAIN");

	private DependencyOutage() {
	}

	public static boolean isCause(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && connectionLost(sql)) {
				return true;
			}
			if (cause instanceof JedisException jedis && redisUnavailable(jedis)) {
				return true;
			}
			// The rollback after a lost connection fails too; what broke the work is kept
			// aside.
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isCause(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	private static boolean connectionLost(SQLException sql) {
		for (SQLException next = sql; next != null; next = next.getNextException()) {
			String state = next.getSQLState();
			if (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Not reachable, pool exhausted or busy; a command error (WRONGTYPE ...) is a bug.
	 */
	private static boolean redisUnavailable(JedisException jedis) {
		if (!(jedis instanceof JedisDataException)) {
			return true;
		}
		String message = jedis.getMessage() == null ? "" : jedis.getMessage();
		int space = message.indexOf(' ');
		return REDIS_BUSY.contains(space < 0 ? message : message.substring(0, space));
	}

}
