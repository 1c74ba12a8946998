package dev.encore.engine.intake;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;

import org.springframework.dao.DuplicateKeyException;

/**
 * Failures that say another transaction touched the same rows at the same moment, so a
 * fresh attempt succeeds: Camunda's optimistic locking, a duplicate dedupe key, and the
 * database rolling back one side of a deadlock or serialization conflict (SQLSTATE class
 * 40). PostgreSQL picks a deadlock victim when a purchase ends a journey while the job
 * executor fires its timer: they delete the job and execution rows in opposite order.
 */
final class TransientConflict {

	private static final String TRANSACTION_ROLLBACK = "40";

	private TransientConflict() {
	}

	static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof DuplicateKeyException) {
				return true;
			}
			if (cause instanceof SQLException sql && rolledBack(sql)) {
				return true;
			}
		}
		return false;
	}

	/** The driver may report the deadlock on a batch's next exception only. */
	private static boolean rolledBack(SQLException sql) {
		for (SQLException next = sql; next != null; next = next.getNextException()) {
			if (next.getSQLState() != null && next.getSQLState().startsWith(TRANSACTION_ROLLBACK)) {
				return true;
			}
		}
		return false;
	}

}
