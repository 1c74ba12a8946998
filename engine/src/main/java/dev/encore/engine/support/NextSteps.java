package dev.encore.engine.support;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.stereotype.Component;

/**
 * When an active journey moves next by itself: the due date of the earliest job it waits
 * on (a timer, or a send deferred by quiet hours), in UTC and the customer's local time.
 */
@Component
class NextSteps {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

	private final ManagementService management;

	private final ElementNames names;

	NextSteps(ManagementService management, ElementNames names) {
		this.management = management;
		this.names = names;
	}

	/** Null while the journey waits only for an event. */
	NextStep of(String processInstanceId, CustomerZone.Zone zone) {
		Job job = this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.orderByJobDuedate()
			.asc()
			.list()
			.stream()
			.filter((candidate) -> candidate.getDuedate() != null)
			.findFirst()
			.orElse(null);
		if (job == null) {
			return null;
		}
		String activityId = activityId(job);
		Instant due = job.getDuedate().toInstant();
		return new NextStep(activityId, this.names.name(job.getProcessDefinitionId(), activityId), due,
				LOCAL.format(due.atZone(zone.id())), zone.name());
	}

	private String activityId(Job job) {
		JobDefinition definition = job.getJobDefinitionId() == null ? null
				: this.management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
		return definition == null ? null : definition.getActivityId();
	}

	/**
	 * @param dueAt when, in UTC
	 * @param dueLocal when, in the customer's zone ({@code 2026-05-02 10:00 +08:00})
	 */
	record NextStep(String activityId, String name, Instant dueAt, String dueLocal, String timeZone) {
	}

}
