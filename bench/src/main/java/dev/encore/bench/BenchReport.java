package dev.encore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Prints a benchmark's figures as a table and keeps them in {@code results/<name>.json}.
 */
final class BenchReport {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private BenchReport() {
	}

	static void print(String title, Map<String, Object> figures) {
		int width = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
		System.out.println();
		System.out.println(title);
		System.out.println("-".repeat(title.length()));
		figures.forEach((name, value) -> System.out.printf("%-" + width + "s  %s%n", name, value));
	}

	static void write(String name, Map<String, Object> figures) throws IOException {
		Map<String, Object> withContext = new LinkedHashMap<>(figures);
		withContext.put("measuredAt", Instant.now().toString());
		withContext.put("cores", Runtime.getRuntime().availableProcessors());
		withContext.put("java", System.getProperty("java.version"));
		// exec:java runs in Maven's JVM, whose directory is the repository root.
		Path results = Files.isDirectory(Path.of("bench", "results")) ? Path.of("bench", "results")
				: Path.of("results");
		Path file = results.resolve(name + ".json");
		Files.createDirectories(file.getParent());
		JSON.writeValue(file.toFile(), withContext);
	}

}
