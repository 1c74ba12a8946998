package dev.encore.engine.journey;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.model.bpmn.instance.SendTask;

import org.springframework.stereotype.Component;

/**
 * Deployed journey versions as a marketer sees them. For the journeys page, every journey
 * with its versions, newest first: when and by which door each was deployed, how many
 * customers are on it now, its settings as they apply to new entries
 * ({@link JourneySettings}) and the templates it sends that were deployed with it (a
 * handful of queries whatever the number of versions; diagrams come from Camunda's
 * deployment cache). For previews and test sends, one version by key (and version
 * number): its settings and the deployment whose templates it sends.
 */
@Component
public class JourneyVersions {

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

	/**
	 * One deployed version of a journey: its settings as a customer entering it gets them
	 * (Modeler's values, then configuration).
	 */
	public record JourneyVersion(String key, int version, String processDefinitionId, String deploymentId,
			Map<String, String> settings) {
	}

	/**
	 * The journey's version {@code version}, its latest when null; empty when there is
	 * none.
	 */
	public Optional<JourneyVersion> find(String key, Integer version) {
		ProcessDefinitionQuery query = this.repository.createProcessDefinitionQuery().processDefinitionKey(key);
		ProcessDefinition definition = (version == null) ? query.latestVersion().singleResult()
				: query.processDefinitionVersion(version).singleResult();
		return Optional.ofNullable(definition).map(this::of);
	}

	/** The latest version of every journey, by key. */
	public List<JourneyVersion> latest() {
		return this.repository.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey()
			.asc()
			.list()
			.stream()
			.map(this::of)
			.toList();
	}

	private JourneyVersion of(ProcessDefinition definition) {
		return new JourneyVersion(definition.getKey(), definition.getVersion(), definition.getId(),
				definition.getDeploymentId(), this.settings.of(definition.getId(), definition.getKey()));
	}

	/** The templates the version's send steps name (a {@code ${setting}} resolved). */
	public Set<String> templatesUsed(JourneyVersion journey) {
		return sentTemplates(journey.processDefinitionId(), journey.settings());
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
		Set<String> ids = new LinkedHashSet<>();
		for (SendTask task : this.repository.getBpmnModelInstance(processDefinitionId)
			.getModelElementsByType(SendTask.class)) {
			String templateId = JourneyModel.inputParametersOf(task).get("templateId");
			String resolved = (templateId == null) ? null : SettingReference.of(templateId, settings).value();
			if (resolved != null) {
				ids.add(resolved);
			}
		}
		return ids;
	}

}
