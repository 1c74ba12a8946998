package dev.encore.engine.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a script driving a real client (chromium through playwright-core, the Segment
 * libraries) and asserts it ended well within two minutes: Node.js scripts of
 * {@code src/test/e2e}, Python scripts of {@code src/test/python}.
 */
public final class E2eScripts {

	/**
	 * Debian's interpreter, which has what Segment's Python library imports
	 * ({@code ./test} installs it); another python3 may come first on PATH.
	 */
	private static final Path PYTHON = Path.of("/usr/bin/python3");

	private E2eScripts() {
	}

	/** The Node.js script's output (stdout and stderr). */
	public static String run(String script, String... arguments) throws Exception {
		return run(new ProcessBuilder(command(List.of("node", script), arguments))
			.directory(Path.of("src/test/e2e").toFile()));
	}

	/**
	 * The Python script's output, run with Segment's vendored library importable and no
	 * bytecode written into the sources.
	 */
	public static String runPython(String script, String... arguments) throws Exception {
		Path directory = Path.of("src/test/python").toAbsolutePath();
		ProcessBuilder builder = new ProcessBuilder(command(List.of(PYTHON.toString(), "-B", script), arguments))
			.directory(directory.toFile());
		builder.environment().put("PYTHONPATH", directory.resolve("segment-analytics-python").toString());
		return run(builder);
	}

	/** For {@code @EnabledIf}: Python tests run where Debian's python3 is. */
	public static boolean debianPython() {
		return Files.isExecutable(PYTHON);
	}

	private static List<String> command(List<String> program, String... arguments) {
		List<String> command = new ArrayList<>(program);
		command.addAll(List.of(arguments));
		return command;
	}

	private static String run(ProcessBuilder builder) throws Exception {
		Process process = builder.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
