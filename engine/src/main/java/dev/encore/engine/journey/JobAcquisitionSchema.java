package dev.encore.engine.journey;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Readies Camunda's job table for Encore's job acquisition once Camunda has made it. Not
 * a Flyway migration: Camunda creates its schema itself, possibly after Flyway has run.
 * <ul>
 * <li>An index on {@code LOCK_EXP_TIME_}: every acquisition asks, for exclusive jobs,
 * whether another job of the same process instance is locked; without the index
 * PostgreSQL reads the whole job table for that (0.35–0.6 s per acquisition with 100k
 * customers waiting, 1–2 ms with it).</li>
 * <li>An index on {@code DUEDATE_}: acquisition takes the earliest due jobs first
 * ({@code jobExecutorAcquireByDueDate}), and with a million customers waiting on timers
 * spread over days it finds the few due ones through this index instead of reading every
 * job not yet due.</li>
 * <li>Jobs made before every job had a due date ({@code ensureJobDueDateNotNull}) get
 * their creation time as due date; the acquisition query no longer looks for jobs without
 * one, so they would never run.</li>
 * </ul>
 */
@Component
class JobAcquisitionSchema extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(JobAcquisitionSchema.class);

	static final String LOCK_EXPIRY_INDEX = "ENCORE_IX_JOB_LOCK_EXP";

	static final String DUE_DATE_INDEX = "ENCORE_IX_JOB_DUEDATE";

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
		String table = prefix + "ACT_RU_JOB";
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			// Another node starting at the same time may win the race: both end with the
			// indexes.
			statement.execute("CREATE INDEX IF NOT EXISTS " + LOCK_EXPIRY_INDEX + " ON " + table + " (LOCK_EXP_TIME_)");
			statement.execute("CREATE INDEX IF NOT EXISTS " + DUE_DATE_INDEX + " ON " + table + " (DUEDATE_)");
			if (configuration.isEnsureJobDueDateNotNull()) {
				int dated = statement.executeUpdate("UPDATE " + table
						+ " SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) WHERE DUEDATE_ IS NULL");
				if (dated > 0) {
					log.info(
							"Gave {} jobs without a due date their creation time, so acquisition by due date runs them",
							dated);
				}
			}
		}
		catch (SQLException ex) {
			log.warn("Could not ready {} for job acquisition (it will be slow with many jobs): {}", table,
					ex.getMessage());
		}
	}

}
