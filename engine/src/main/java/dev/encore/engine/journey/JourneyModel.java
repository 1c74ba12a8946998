package dev.encore.engine.journey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import org.springframework.stereotype.Component;

/**
 * What a marketer set on a journey in Modeler: the process's extension properties
 * ({@code setting.*}, {@code entry.*}, {@code goal.*}, {@code holdout.*}), by process
 * definition id. Deployed definitions never change, so they are read once.
 */
@Component
public class JourneyModel {

	private final RepositoryService repository;

	private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

	private final Map<String, String> keys = new ConcurrentHashMap<>();

	JourneyModel(RepositoryService repository) {
		this.repository = repository;
	}

	/**
	 * The journey's key. The repository reads the definition's row on every call, once
	 * per event and journey on the intake path.
	 */
	public String key(String processDefinitionId) {
		return this.keys.computeIfAbsent(processDefinitionId,
				(id) -> this.repository.getProcessDefinition(id).getKey());
	}

	/** Every extension property of the journey's process. */
	public Map<String, String> properties(String processDefinitionId) {
		return this.byDefinition.computeIfAbsent(processDefinitionId, this::read);
	}

	/** The properties named {@code <prefix>name}, keyed by name. */
	public Map<String, String> withPrefix(String processDefinitionId, String prefix) {
		return withPrefix(properties(processDefinitionId), prefix);
	}

	/** Of {@code properties}, those named {@code <prefix>name}, keyed by name. */
	public static Map<String, String> withPrefix(Map<String, String> properties, String prefix) {
		Map<String, String> selected = new LinkedHashMap<>();
		properties.forEach((name, value) -> {
			if (name.startsWith(prefix)) {
				selected.put(name.substring(prefix.length()), value);
			}
		});
		return selected;
	}

	private Map<String, String> read(String processDefinitionId) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Process process : this.repository.getBpmnModelInstance(processDefinitionId)
			.getModelElementsByType(Process.class)) {
			properties.putAll(propertiesOf(process));
		}
		return Map.copyOf(properties);
	}

	static Map<String, String> propertiesOf(BaseElement element) {
		Map<String, String> properties = new LinkedHashMap<>();
		if (element.getExtensionElements() == null) {
			return properties;
		}
		for (CamundaProperties group : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
			for (CamundaProperty property : group.getCamundaProperties()) {
				if (property.getCamundaName() != null && property.getCamundaValue() != null) {
					properties.put(property.getCamundaName(), property.getCamundaValue().strip());
				}
			}
		}
		return properties;
	}

	/** Text input parameters of a task (what an element template fills in). */
	static Map<String, String> inputParametersOf(BaseElement element) {
		Map<String, String> inputs = new LinkedHashMap<>();
		if (element.getExtensionElements() == null) {
			return inputs;
		}
		for (CamundaInputOutput io : element.getExtensionElements().getChildElementsByType(CamundaInputOutput.class)) {
			for (CamundaInputParameter input : io.getCamundaInputParameters()) {
				if (input.getCamundaName() != null && input.getTextContent() != null
						&& !input.getTextContent().isBlank()) {
					inputs.put(input.getCamundaName(), input.getTextContent().strip());
				}
			}
		}
		return inputs;
	}

}
