package dev.encore.engine.journey;

import java.sql.Timestamp;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.Deployment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells what is cached about the deployed journeys and rule tables whether it is still
 * current: a stamp of the deployments table (count and latest deploy time, one small
 * query) with this node's own count of deploys and deletes, which the table alone misses
 * when a delete and a deploy fall in the same millisecond. A deploy on another node shows
 * from that node's commit on. Read once per transaction: every cache consulted in it sees
 * the same deployments.
 */
@Component
public class DeployedVersions {

	private final DeploymentChanges changes;

	private final JdbcTemplate jdbc;

	private final String stampSql;

	DeployedVersions(DeploymentChanges changes, JdbcTemplate jdbc, ManagementService management) {
		this.changes = changes;
		this.jdbc = jdbc;
		this.stampSql = "SELECT COUNT(*), MAX(DEPLOY_TIME_) FROM " + management.getTableName(Deployment.class);
	}

	/** The deployments now; equal stamps mean nothing was deployed or deleted between. */
	public Stamp stamp() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return read();
		}
		Stamp bound = (Stamp) TransactionSynchronizationManager.getResource(this);
		if (bound != null && bound.localChanges() == this.changes.count()) {
			return bound;
		}
		Stamp read = read();
		if (bound != null) {
			TransactionSynchronizationManager.unbindResource(this);
		}
		else {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(DeployedVersions.this);
				}
			});
		}
		TransactionSynchronizationManager.bindResource(this, read);
		return read;
	}

	private Stamp read() {
		long local = this.changes.count();
		return this.jdbc.queryForObject(this.stampSql,
				(row, i) -> new Stamp(local, row.getLong(1), row.getTimestamp(2)));
	}

	/** One reading of the deployments. */
	public record Stamp(long localChanges, long deployments, Timestamp latest) {
	}

}
