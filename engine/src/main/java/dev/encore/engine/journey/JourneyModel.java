package dev.encore.engine.journey;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
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

	private final Map<String, Map<String, String>> signalStarts = new ConcurrentHashMap<>();

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

	/**
	 * The signal start event to start the journey at for an event, when the journey has
	 * several start events (one per trigger, as {@code service-recovery.bpmn}); empty
	 * when it has one, which Camunda starts by itself.
	 */
	public Optional<String> startEvent(String processDefinitionId, String eventName) {
		return Optional
			.ofNullable(this.signalStarts.computeIfAbsent(processDefinitionId, this::readStarts).get(eventName));
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

	private Map<String, String> readStarts(String processDefinitionId) {
		Map<String, String> starts = new LinkedHashMap<>();
		for (Process process : this.repository.getBpmnModelInstance(processDefinitionId)
			.getModelElementsByType(Process.class)) {
			Collection<StartEvent> events = process.getChildElementsByType(StartEvent.class);
			for (StartEvent start : events.size() > 1 ? events : List.<StartEvent>of()) {
				for (SignalEventDefinition signal : start.getChildElementsByType(SignalEventDefinition.class)) {
					if (signal.getSignal() != null && signal.getSignal().getName() != null) {
						starts.putIfAbsent(signal.getSignal().getName(), start.getId());
					}
				}
			}
		}
		return Map.copyOf(starts);
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
