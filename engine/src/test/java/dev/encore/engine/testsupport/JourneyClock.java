package dev.encore.engine.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves Camunda's clock and runs what falls due, the way the job executor would: tests
 * never sleep.
 */
public class JourneyClock {

	private final ManagementService management;

	public JourneyClock(ManagementService management) {
		this.management = management;
	}

	public void setTo(Instant now) {
		ClockUtil.setCurrentTime(Date.from(now));
	}

	public Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * Moves the clock forward and runs every job due by then, including those they
	 * create.
	 */
	public void advance(Duration duration) {
		setTo(now().plus(duration));
		runDueJobs();
	}

	/** Runs due jobs until none is left; a job still failing after its retries stays. */
	public int runDueJobs() {
		int executed = 0;
		for (int round = 0; round < 1000; round++) {
			List<Job> due = this.management.createJobQuery().executable().list();
			if (due.isEmpty()) {
				return executed;
			}
			for (Job job : due) {
				try {
					this.management.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					// A failed job gets its retries decremented and stays for a later
					// round, as with the executor.
				}
				executed++;
			}
		}
		throw new IllegalStateException("Jobs keep falling due: a journey loops without waiting");
	}

	public void reset() {
		ClockUtil.reset();
	}

}
