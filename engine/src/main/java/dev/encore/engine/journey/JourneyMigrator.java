package dev.encore.engine.journey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Moves customers waiting in older versions of a journey to a new one, when the deploy
 * asks for it (by default they finish on the version they entered). Activities keep their
 * place by id; an instance the new version cannot take stays where it is, with the reason
 * in the report.
 */
@Component
class JourneyMigrator {

	private static final Logger log = LoggerFactory.getLogger(JourneyMigrator.class);

	private final RepositoryService repository;

	private final RuntimeService runtime;

	JourneyMigrator(RepositoryService repository, RuntimeService runtime) {
		this.repository = repository;
		this.runtime = runtime;
	}

	/** What happened to one older version's waiting customers. */
	record Report(String journey, int fromVersion, int toVersion, int migrated, List<Failure> failed) {
	}

	record Failure(String processInstanceId, String reason) {
	}

	List<Report> migrateToLatest(ProcessDefinition target) {
		List<Report> reports = new ArrayList<>();
		for (ProcessDefinition older : this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(target.getKey())
			.orderByProcessDefinitionVersion()
			.asc()
			.list()) {
			if (older.getVersion() < target.getVersion()) {
				List<ProcessInstance> waiting = this.runtime.createProcessInstanceQuery()
					.processDefinitionId(older.getId())
					.list();
				if (!waiting.isEmpty()) {
					reports.add(migrate(older, target, waiting));
				}
			}
		}
		return reports;
	}

	private Report migrate(ProcessDefinition from, ProcessDefinition to, List<ProcessInstance> waiting) {
		List<Failure> failed = new ArrayList<>();
		MigrationPlan plan;
		try {
			plan = this.runtime.createMigrationPlan(from.getId(), to.getId())
				.mapEqualActivities()
				.updateEventTriggers()
				.build();
		}
		catch (ProcessEngineException ex) {
			waiting.forEach((instance) -> failed.add(new Failure(instance.getId(), ex.getMessage())));
			return new Report(to.getKey(), from.getVersion(), to.getVersion(), 0, failed);
		}
		int migrated = 0;
		for (ProcessInstance instance : waiting) {
			// One by one, so one customer the plan cannot take does not hold back the
			// rest.
			try {
				this.runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
				migrated++;
			}
			catch (ProcessEngineException ex) {
				failed.add(new Failure(instance.getId(), ex.getMessage()));
			}
		}
		log.info("Journey {} v{} -> v{}: {} migrated, {} stayed", to.getKey(), from.getVersion(), to.getVersion(),
				migrated, failed.size());
		return new Report(to.getKey(), from.getVersion(), to.getVersion(), migrated, failed);
	}

}
