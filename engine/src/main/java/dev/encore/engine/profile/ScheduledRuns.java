package dev.encore.engine.profile;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lets one node of many claim a scheduled run: the first insert of (task, slot) wins,
 * every other node's insert fails on the primary key.
 */
@Repository
public class ScheduledRuns {

	private final JdbcClient jdbc;

	private final Clock clock;

	ScheduledRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether this call claimed the run; false when another node (or call) had. */
	public boolean claim(String task, String slot) {
		try {
			this.jdbc.sql("INSERT INTO encore_scheduled_run (task, slot, started_at) VALUES (?, ?, ?)")
				.params(task, slot, Timestamp.from(this.clock.instant()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
