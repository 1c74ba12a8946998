package dev.encore.engine.journey;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * A journey's settings: the process's extension properties named {@code setting.*}
 * (edited in Camunda Modeler), then overrides from configuration, then the try-out time
 * scale. They become process variables at entry, so timers read
 * {@code ${firstReminderDelay}} and a customer already on the journey keeps the values
 * they entered with.
 */
@Component
public class JourneySettings {

	static final String PREFIX = "setting.";

	private final RepositoryService repository;

	private final JourneyProperties properties;

	private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

	JourneySettings(RepositoryService repository, JourneyProperties properties) {
		this.repository = repository;
		this.properties = properties;
	}

	/** Settings of a deployed journey version, by its process definition id. */
	public Map<String, String> of(String processDefinitionId, String journeyKey) {
		// Definitions never change once deployed, so caching by id is safe.
		return this.byDefinition.computeIfAbsent(processDefinitionId, (id) -> resolve(id, journeyKey));
	}

	private Map<String, String> resolve(String processDefinitionId, String journeyKey) {
		Map<String, String> settings = new LinkedHashMap<>(declared(processDefinitionId));
		settings.putAll(this.properties.settings().getOrDefault(journeyKey, Map.of()));
		settings.replaceAll((name, value) -> scaled(value));
		return Map.copyOf(settings);
	}

	private Map<String, String> declared(String processDefinitionId) {
		Map<String, String> declared = new LinkedHashMap<>();
		for (Process process : this.repository.getBpmnModelInstance(processDefinitionId)
			.getModelElementsByType(Process.class)) {
			if (process.getExtensionElements() == null) {
				continue;
			}
			for (CamundaProperties group : process.getExtensionElements()
				.getChildElementsByType(CamundaProperties.class)) {
				for (CamundaProperty property : group.getCamundaProperties()) {
					String name = property.getCamundaName();
					if (name != null && name.startsWith(PREFIX) && property.getCamundaValue() != null) {
						declared.put(name.substring(PREFIX.length()), property.getCamundaValue());
					}
				}
			}
		}
		return declared;
	}

	/** Shortens ISO-8601 durations by the time scale; leaves other values alone. */
	String scaled(String value) {
		if (this.properties.timeScale() == 1.0 || !value.startsWith("P")) {
			return value;
		}
		try {
			Duration duration = Duration.parse(value);
			long millis = Math.max(1, Math.round(duration.toMillis() * this.properties.timeScale()));
			return Duration.ofMillis(millis).toString();
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

}
