package dev.encore.engine.intake;

import java.sql.SQLException;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;

import org.springframework.dao.DuplicateKeyException;

/**
 * Failures that say another transaction touched the same rows at the same moment, so a
 * fresh attempt succeeds: Camunda's optimistic locking, a duplicate dedupe key, and the
 * database rolling back one side of a deadlock or serialization conflict (SQLSTATE 40P01,
 * 40001; H2 reports its deadlocks as 40001). PostgreSQL picks a deadlock victim when a
 * purchase ends a journey while the job executor fires its timer: they delete the job and
 * execution rows in opposite order.
 */
final class TransientConflict {

	// Not all of class 40: a deferred constraint failing at commit (40002) fails again.
	private static final Set<String> ROLLED_BACK = Set.of("40P01", "40001");

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
			if (next.getSQLState() != null && ROLLED_BACK.contains(next.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
