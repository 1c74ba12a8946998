package dev.encore.engine.journey.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A journey's settings as the one process variable a customer enters with: a JSON object
 * of name to value (decision 002). One row per start instead of one per setting; a String
 * of at most {@link #MAX_LENGTH} characters stays in the variable table without a byte
 * array row.
 */
public final class SettingsVariable {

	public static final String NAME = "journeySettings";

	/** The variable table's text column. */
	public static final int MAX_LENGTH = 4000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
	};

	/**
	 * Texts differ per journey version and configuration: a few, unless someone forges
	 * them.
	 */
	private static final int CACHED = 256;

	private static final Map<String, Map<String, String>> PARSED = new ConcurrentHashMap<>();

	private SettingsVariable() {
	}

	/** Sorted, so equal settings give equal text (and one cache entry). */
	public static String encode(Map<String, String> settings) {
		try {
			return JSON.writeValueAsString(new TreeMap<>(settings));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Journey settings cannot be written as JSON", ex);
		}
	}

	/** Parsed once per distinct text, not per expression. */
	public static Map<String, String> decode(String text) {
		Map<String, String> settings = PARSED.get(text);
		if (settings == null) {
			settings = parse(text);
			if (PARSED.size() >= CACHED) {
				PARSED.clear();
			}
			PARSED.put(text, settings);
		}
		return settings;
	}

	/**
	 * The settings the instance of this scope entered with; empty before there was this
	 * variable.
	 */
	public static Map<String, String> of(VariableScope scope) {
		return scope.getVariable(NAME) instanceof String text ? decode(text) : Map.of();
	}

	/**
	 * A setting as a journey bean reads it: a variable of that name first (customers who
	 * entered when each setting was a variable of its own), else the settings variable.
	 */
	public static Object read(VariableScope scope, String name) {
		Object variable = scope.getVariable(name);
		return variable != null ? variable : of(scope).get(name);
	}

	private static Map<String, String> parse(String text) {
		Map<String, String> settings;
		try {
			settings = JSON.readValue(text, SETTINGS);
		}
		catch (JsonProcessingException ex) {
			throw notSettings(ex);
		}
		if (settings == null || settings.containsValue(null)) {
			throw notSettings(null);
		}
		return Map.copyOf(settings);
	}

	private static IllegalArgumentException notSettings(Exception cause) {
		return new IllegalArgumentException("Variable " + NAME + " holds no journey settings (a JSON object of texts)",
				cause);
	}

}
