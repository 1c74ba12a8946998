package dev.encore.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background scans take their intervals from the properties records (tests switch
 * them off elsewhere). Closed after the class so no scan fires during other tests.
 */
@TestPropertySource(properties = { "encore.intake.purge-scheduled=true", "encore.profile.churn.scheduled=true",
		"encore.profile.birthday.scheduled=true", "encore.loyalty.scheduled=true" })
@DirtiesContext
class ScheduledScansTest extends EncoreIntegrationTest {

	@Autowired
	List<ScheduledTaskHolder> holders;

	@Test
	void purgeChurnBirthdayAndLoyaltyScansRunAtTheRecordsDefaultIntervals() {
		Map<String, Duration> intervals = this.holders.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.filter((task) -> task.getTask() instanceof FixedDelayTask)
			.map((task) -> (FixedDelayTask) task.getTask())
			.collect(Collectors.toMap((task) -> task.getRunnable().toString(), FixedDelayTask::getIntervalDuration));

		assertThat(intervals)
			.containsEntry("dev.encore.engine.intake.EventRetention$Schedule.purge", Duration.ofHours(1))
			.containsEntry("dev.encore.engine.profile.ProfileSchedule.runIfDue", Duration.ofHours(1))
			.containsEntry("dev.encore.engine.profile.BirthdaySchedule.runIfDue", Duration.ofMinutes(5))
			.containsEntry("dev.encore.engine.loyalty.LoyaltySchedule.runIfDue", Duration.ofHours(1));
	}

}
