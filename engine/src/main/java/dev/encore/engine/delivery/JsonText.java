package dev.encore.engine.delivery;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What JSON templates need: data escaped for JSON strings (a customer named {@code "Ada"}
 * cannot end a string and add fields), and a check that what was rendered is one JSON
 * object, whose top-level values become the template's fields.
 */
final class JsonText {

	private static final ObjectMapper JSON = new ObjectMapper();

	private JsonText() {
	}

	/** A deep copy of the data with every string escaped for a JSON string. */
	@SuppressWarnings("unchecked")
	static <T> T escape(T value) {
		if (value instanceof String text) {
			return (T) new String(JsonStringEncoder.getInstance().quoteAsString(text));
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new HashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), escape(item)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			return (T) list.stream().map(JsonText::escape).toList();
		}
		return value;
	}

	/**
	 * The top-level values of a rendered JSON object, as text (nested values as JSON).
	 * @throws IllegalArgumentException when the text is not one JSON object
	 */
	static Map<String, String> fields(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The template did not render valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("A JSON template renders one object");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		root.fields().forEachRemaining((field) -> {
			JsonNode node = field.getValue();
			if (!node.isNull()) {
				fields.put(field.getKey(), node.isValueNode() ? node.asText() : node.toString());
			}
		});
		return fields;
	}

}
