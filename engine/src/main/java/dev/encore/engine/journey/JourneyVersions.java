package dev.encore.engine.journey;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;

import org.springframework.stereotype.Component;

/**
 * Every deployed journey with its versions, newest first: when and by which door each was
 * deployed, how many customers are on it now, its settings as they apply to new entries
 * ({@link JourneySettings}) and the templates it sends that were deployed with it. A
 * handful of queries whatever the number of versions (diagrams come from Camunda's
 * deployment cache).
 */
@Component
class JourneyVersions {

	private final RepositoryService repository;

	private final ManagementService management;

	private final JourneySettings settings;

	private final TemplateVersions templates;

	JourneyVersions(RepositoryService repository, ManagementService management, JourneySettings settings,
			TemplateVersions templates) {
		this.repository = repository;
		this.management = management;
		this.settings = settings;
		this.templates = templates;
	}

	record Journey(String journey, String name, List<Version> versions) {
	}

	/**
	 * @param deployedBy {@code encore} (the journeys folder at start) or {@code api}
	 * @param active customers on this version now
	 * @param templates paths of the templates it sends that were deployed with it
	 * ({@code templates/<id>/<channel>.<locale>.liquid})
	 */
	record Version(int version, String processDefinitionId, String deploymentId, Instant deployedAt, String deployedBy,
			long active, Map<String, String> settings, List<String> templates) {
	}

	List<Journey> all() {
		Map<String, Deployment> deployments = this.repository.createDeploymentQuery()
			.list()
			.stream()
			.collect(Collectors.toMap(Deployment::getId, Function.identity()));
		Map<String, Integer> active = this.management.createProcessDefinitionStatisticsQuery()
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessDefinitionStatistics::getId, ProcessDefinitionStatistics::getInstances));
		Map<String, List<TemplateFile>> templates = this.templates.byDeployment();
		Map<String, List<ProcessDefinition>> byKey = this.repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey()
			.asc()
			.orderByProcessDefinitionVersion()
			.desc()
			.list()
			.stream()
			.collect(Collectors.groupingBy(ProcessDefinition::getKey, LinkedHashMap::new, Collectors.toList()));
		return byKey.values()
			.stream()
			.map((versions) -> new Journey(versions.get(0).getKey(), versions.get(0).getName(),
					versions.stream()
						.map((definition) -> version(definition, deployments.get(definition.getDeploymentId()),
								active.getOrDefault(definition.getId(), 0),
								templates.getOrDefault(definition.getDeploymentId(), List.of())))
						.toList()))
			.toList();
	}

	private Version version(ProcessDefinition definition, Deployment deployment, long active,
			List<TemplateFile> deployed) {
		Map<String, String> settings = this.settings.of(definition.getId(), definition.getKey());
		Set<String> sent = sentTemplates(definition.getId(), settings);
		return new Version(definition.getVersion(), definition.getId(), definition.getDeploymentId(),
				(deployment == null) ? null : deployment.getDeploymentTime().toInstant(),
				(deployment == null) ? null : deployment.getSource(), active, new TreeMap<>(settings),
				deployed.stream().filter((file) -> sent.contains(file.templateId())).map(TemplateFile::path).toList());
	}

	/** The template ids the version's send tasks name, literally or by a setting. */
	private Set<String> sentTemplates(String processDefinitionId, Map<String, String> settings) {
		Set<String> ids = new HashSet<>();
		for (SendTask task : this.repository.getBpmnModelInstance(processDefinitionId)
			.getModelElementsByType(SendTask.class)) {
			ids.add(SettingReference.of(JourneyModel.inputParametersOf(task).get("templateId"), settings).value());
		}
		return ids;
	}

}
