package dev.encore.engine.journey;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.model.bpmn.instance.SendTask;

import org.springframework.stereotype.Component;

/**
 * Deployed journey versions as a marketer names them (key, optionally version): their
 * settings and the deployment whose templates they send, so a preview or a test send
 * renders what that journey version would.
 */
@Component
public class JourneyVersions {

	private final RepositoryService repository;

	private final JourneySettings settings;

	JourneyVersions(RepositoryService repository, JourneySettings settings) {
		this.repository = repository;
		this.settings = settings;
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

	/**
	 * The templates the version's send steps name (a {@code ${setting}} resolved with its
	 * settings).
	 */
	public Set<String> templatesUsed(JourneyVersion journey) {
		Set<String> used = new LinkedHashSet<>();
		for (SendTask task : this.repository.getBpmnModelInstance(journey.processDefinitionId())
			.getModelElementsByType(SendTask.class)) {
			String templateId = JourneyModel.inputParametersOf(task).get("templateId");
			String resolved = (templateId == null) ? null : JourneyValidator.resolve(templateId, journey.settings());
			if (resolved != null) {
				used.add(resolved);
			}
		}
		return used;
	}

	private JourneyVersion of(ProcessDefinition definition) {
		return new JourneyVersion(definition.getKey(), definition.getVersion(), definition.getId(),
				definition.getDeploymentId(), this.settings.of(definition.getId(), definition.getKey()));
	}

}
