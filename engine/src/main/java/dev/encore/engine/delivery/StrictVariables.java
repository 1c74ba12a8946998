package dev.encore.engine.delivery;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Missing variables are errors, not blanks. Liqp's own strict mode also rejects absent
 * values inside {@code if} and before {@code default}, which makes optional fields
 * unusable, so the check is ours: every {@code {{ variable }}} output without a
 * {@code default} filter must resolve in the data, unless the template tests that
 * variable in an {@code if}/{@code unless} or it is a {@code for} loop variable.
 */
final class StrictVariables {

	private static final Pattern OUTPUT = Pattern
		.compile("\\{\\{-?\\s*([A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)*)\\s*(\\|[^}]*)?-?\\}\\}");

	private static final Pattern CONDITION = Pattern
		.compile("\\{%-?\\s*(?:if|unless|elsif)\\s+([A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)*)");

	private static final Pattern LOOP = Pattern.compile("\\{%-?\\s*for\\s+([A-Za-z_]\\w*)\\s+in");

	private StrictVariables() {
	}

	/**
	 * @return the first variable the template outputs that the data lacks, or null
	 */
	static String firstMissing(String source, Map<String, Object> data) {
		Set<String> tested = names(CONDITION, source);
		Set<String> loopVariables = names(LOOP, source);
		Matcher output = OUTPUT.matcher(source);
		while (output.find()) {
			String path = output.group(1);
			String filters = output.group(2);
			if (filters != null && filters.contains("default")) {
				continue;
			}
			String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
			if (tested.contains(path) || loopVariables.contains(root)) {
				continue;
			}
			if (!resolves(path, data)) {
				return path;
			}
		}
		return null;
	}

	private static Set<String> names(Pattern pattern, String source) {
		Set<String> names = new HashSet<>();
		Matcher matcher = pattern.matcher(source);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static boolean resolves(String path, Map<String, Object> data) {
		Object current = data;
		for (String part : path.split("\\.")) {
			if (current instanceof Map<?, ?> map && map.get(part) != null) {
				current = map.get(part);
			}
			else if (current instanceof java.util.Collection<?> && ("size".equals(part) || "first".equals(part))) {
				current = 0;
			}
			else {
				return false;
			}
		}
		return true;
	}

}
