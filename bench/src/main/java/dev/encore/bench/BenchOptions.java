package dev.encore.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value} arguments of a benchmark main. */
final class BenchOptions {

	private BenchOptions() {
	}

	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("Expected key=value, got '" + arg + "'");
			}
			options.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		return options;
	}

}
