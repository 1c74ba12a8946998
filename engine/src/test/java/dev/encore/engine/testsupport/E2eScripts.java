package dev.encore.engine.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a Node.js script of {@code src/test/e2e} (real clients: chromium through
 * playwright-core, the Segment libraries) and asserts it ended well within two minutes.
 */
public final class E2eScripts {

	private E2eScripts() {
	}

	/** The script's output (stdout and stderr). */
	public static String run(String script, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(Path.of("src/test/e2e").toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
