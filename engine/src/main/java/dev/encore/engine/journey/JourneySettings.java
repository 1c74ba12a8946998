package dev.encore.engine.journey;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private final JourneyModel model;

	private final JourneyProperties properties;

	private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

	JourneySettings(JourneyModel model, JourneyProperties properties) {
		this.model = model;
		this.properties = properties;
	}

	/** Settings of a deployed journey version, by its process definition id. */
	public Map<String, String> of(String processDefinitionId, String journeyKey) {
		// Definitions never change once deployed, so caching by id is safe.
		return this.byDefinition.computeIfAbsent(processDefinitionId, (id) -> resolve(id, journeyKey));
	}

	private Map<String, String> resolve(String processDefinitionId, String journeyKey) {
		Map<String, String> settings = new LinkedHashMap<>(this.model.withPrefix(processDefinitionId, PREFIX));
		settings.putAll(this.properties.settings().getOrDefault(journeyKey, Map.of()));
		settings.replaceAll((name, value) -> scaled(value));
		return Map.copyOf(settings);
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
