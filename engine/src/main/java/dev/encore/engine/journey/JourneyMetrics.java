package dev.encore.engine.journey;

import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Journey gauges for Prometheus, read from Camunda when scraped: customers in each
 * journey now, due jobs not yet picked up (the job executor's backlog: timers and sends
 * waiting for a thread) and jobs out of retries (each one an incident to look at in
 * Cockpit).
 */
@Component
class JourneyMetrics {

	private final MeterRegistry registry;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	JourneyMetrics(MeterRegistry registry, RuntimeService runtime, RepositoryService repository,
			ManagementService management) {
		this.registry = registry;
		this.runtime = runtime;
		this.repository = repository;
		Gauge.builder("encore.jobs.due", management, (jobs) -> jobs.createJobQuery().executable().count())
			.description("Jobs due now and not yet executed: the job executor's backlog")
			.register(registry);
		Gauge.builder("encore.jobs.failed", management, (jobs) -> jobs.createJobQuery().noRetriesLeft().count())
			.description("Jobs that ran out of retries; each has an incident")
			.register(registry);
	}

	/**
	 * Journeys are deployed once at start-up (JourneyDeployer), so their keys are known
	 * now.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void registerJourneyGauges() {
		Set<String> keys = new TreeSet<>();
		for (ProcessDefinition definition : this.repository.createProcessDefinitionQuery().latestVersion().list()) {
			keys.add(definition.getKey());
		}
		for (String key : keys) {
			Gauge
				.builder("encore.journeys.active", this.runtime,
						(journeys) -> journeys.createProcessInstanceQuery().processDefinitionKey(key).count())
				.description("Journey instances not yet ended, by journey")
				.tag("journey", key)
				.register(this.registry);
		}
	}

}
