package dev.encore.engine.journey;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.sandbox.SettingsVariable;

/**
 * A journey's settings: the process's extension properties named {@code setting.*}
 * (edited in Camunda Modeler), then overrides from configuration, then the try-out time
 * scale. They become one process variable at entry ({@link SettingsVariable}), which
 * expressions read by name, so timers read {@code ${firstReminderDelay}} and a customer
 * already on the journey keeps the values they entered with.
 */
@Component
public class JourneySettings {

	static final String PREFIX = "setting.";

	private final JourneyModel model;

	private final JourneyProperties properties;

	private final Map<String, Resolved> byDefinition = new ConcurrentHashMap<>();

	JourneySettings(JourneyModel model, JourneyProperties properties) {
		this.model = model;
		this.properties = properties;
	}

	/** Settings of a deployed journey version, by its process definition id. */
	public Map<String, String> of(String processDefinitionId, String journeyKey) {
		return resolved(processDefinitionId, journeyKey).settings();
	}

	/**
	 * The value of the {@link SettingsVariable} a customer enters the journey version
	 * with.
	 * @throws InvalidJourneyException when it is longer than the variable may be (a
	 * configuration override grew it after the journey was deployed)
	 */
	public String variable(String processDefinitionId, String journeyKey) {
		Resolved resolved = resolved(processDefinitionId, journeyKey);
		if (resolved.variable().length() > SettingsVariable.MAX_LENGTH) {
			throw new InvalidJourneyException("Journey " + journeyKey + ": " + tooLong(resolved.variable()));
		}
		return resolved.variable();
	}

	private Resolved resolved(String processDefinitionId, String journeyKey) {
		// Definitions never change once deployed, so caching by id is safe.
		return this.byDefinition.computeIfAbsent(processDefinitionId, (id) -> {
			Map<String, String> settings = settings(this.model.withPrefix(id, PREFIX), journeyKey);
			return new Resolved(settings, SettingsVariable.encode(settings));
		});
	}

	/**
	 * The settings a journey declares ({@code setting.} stripped) as customers get them.
	 */
	Map<String, String> settings(Map<String, String> declared, String journeyKey) {
		Map<String, String> settings = new LinkedHashMap<>(declared);
		settings.putAll(this.properties.settings().getOrDefault(journeyKey, Map.of()));
		settings.replaceAll((name, value) -> scaled(value));
		return Map.copyOf(settings);
	}

	/** Why a journey's settings cannot be one variable; null when they can. */
	String problem(Map<String, String> declared, String journeyKey) {
		String variable = SettingsVariable.encode(settings(declared, journeyKey));
		return variable.length() > SettingsVariable.MAX_LENGTH ? tooLong(variable) : null;
	}

	private static String tooLong(String variable) {
		return "the settings take " + variable.length() + " characters as the variable " + SettingsVariable.NAME
				+ ", more than " + SettingsVariable.MAX_LENGTH + ": shorten or remove some settings";
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

	private record Resolved(Map<String, String> settings, String variable) {
	}

}
